package eu.haven.navigator.hsds;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HSDS 3.0 JSON schemas, as Open Referral publishes them (bundled under {@code hsds/schema}, CC BY-SA),
 * checked with networknt's validator. Import checks every object against its schema before anything is kept.
 */
public final class HsdsSchemas {
    private static final HsdsSchemas INSTANCE = new HsdsSchemas();
    /**
     * Draft 2020-12, plus the words HSDS's schemas use to describe its tables (they validate nothing), so that the
     * validator neither warns about them nor treats them as errors.
     */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft202012())
        .keywords(java.util.stream.Stream.of("datapackage_metadata", "constraints", "example", "core", "tabular_required",
            "datapackage_type", "name", "order", "path", "openapi", "info", "paths", "servers").map(NonValidationKeyword::new).toList())
        .build());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private HsdsSchemas() {
    }

    public static HsdsSchemas bundled() {
        return INSTANCE;
    }

    /**
     * What is wrong with {@code json} as an HSDS {@code schemaName} (organization, service, location, ...): one line a
     * problem, naming the property and the rule, never the value; empty when it is valid.
     */
    public List<String> problems(String schemaName, String json) {
        return problemsAt("classpath:hsds/schema/" + schemaName + ".json", json);
    }

    /** What is wrong with {@code json} as a page of an HSDS list (the OpenAPI document's {@code Page}). */
    public List<String> pageProblems(String json) {
        return problemsAt("classpath:hsds/schema/openapi.json#/components/schemas/Page", json);
    }

    private List<String> problemsAt(String location, String json) {
        Schema schema = schemas.computeIfAbsent(location, n -> registry.getSchema(SchemaLocation.of(n)));
        return schema.validate(json, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))
            .stream().map(e -> e.getInstanceLocation() + ": " + e.getKeyword() + " " + describe(e)).toList();
    }

    private static String describe(com.networknt.schema.Error e) {
        // The library's message quotes the value; a row of a city's file may hold a person's name in a wrong column.
        return switch (e.getKeyword()) {
            case "required" -> "is missing " + e.getProperty();
            case "format" -> "is not a valid " + e.getSchemaNode().path("format").asString();
            case "enum" -> "is not one of " + e.getSchemaNode().path("enum");
            case "type" -> "should be " + e.getSchemaNode().path("type").asString();
            default -> "does not hold";
        };
    }
}
