package eu.haven.core.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a data-sharing framework (YAML or JSON) and refuses, naming each offending entry, any
 * framework that grants data for a firewalled purpose or lets an enforcement type receive data.
 */
public final class FrameworkLoader {
    /** The types a category's field may have: what the staff's form asks for and what the record holds. */
    public static final Set<String> FIELD_TYPES = Set.of("text", "long-text", "date", "number", "yes-no");

    /**
     * A category may name the fields of its records ({@code fields: [{name, type, labels}]}); the
     * staff's form for the category asks for them. Names are unique identifiers, types known.
     */
    private static void checkFields(JsonNode fields, String where, List<String> problems) {
        if (fields.isMissingNode() || fields.isNull()) {
            return;
        }
        if (!fields.isArray()) {
            problems.add(where + ": 'fields' must be a list");
            return;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode f : fields) {
            String name = f.path("name").asText("");
            if (!name.matches("[a-zA-Z][a-zA-Z0-9_]{0,40}")) {
                problems.add(where + ": a field's 'name' must be a letter then up to 40 letters, digits or '_'");
            } else if (!names.add(name)) {
                problems.add(where + ": the field '" + name + "' is named twice");
            }
            if (!FIELD_TYPES.contains(f.path("type").asText("text"))) {
                problems.add(where + ": field '" + name + "' has an unknown type; the types are " + new java.util.TreeSet<>(FIELD_TYPES));
            }
        }
    }

    private static final String GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";
    private static final int MAX_CATEGORIES = 64;

    private final Firewall firewall;

    public FrameworkLoader(Firewall firewall) {
        this.firewall = firewall;
    }

    /** The demo city's framework, shipped with Haven. */
    public Framework loadDemo() {
        try (InputStream in = FrameworkLoader.class.getResourceAsStream("/framework/demo-city.yaml")) {
            if (in == null) {
                throw new IllegalStateException("The demo framework is missing from the classpath");
            }
            return load(in.readAllBytes());
        } catch (IOException e) {
            throw new FrameworkException(List.of("cannot read the demo framework: " + e.getMessage()));
        }
    }

    public Framework load(Path file) {
        try {
            return load(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new FrameworkException(List.of("cannot read " + file + ": " + e.getMessage()));
        }
    }

    public Framework load(byte[] content) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(content);
        } catch (IOException e) {
            throw new FrameworkException(List.of("not valid YAML or JSON: " + firstLine(e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new FrameworkException(List.of("the document must be a mapping with framework, version, "
                + "organisationTypes, purposes, categories and grants"));
        }
        List<String> problems = new ArrayList<>();
        String id = text(root, "framework", "framework", problems);
        String version = text(root, "version", "version", problems);
        List<OrganisationType> types = new ArrayList<>();
        eachObject(root, "organisationTypes", problems, (n, where) -> types.add(new OrganisationType(
            text(n, "code", where, problems), n.path("label").asText(""), n.path("enforcement").asBoolean(false))));
        List<Purpose> purposes = new ArrayList<>();
        eachObject(root, "purposes", problems, (n, where) -> purposes.add(new Purpose(
            text(n, "code", where, problems), DpvTaxonomy.expand(text(n, "iri", where, problems)),
            n.path("label").asText(""), retention(n.path("retention"), where, problems), false, purposes.size())));
        List<Category> categories = new ArrayList<>();
        eachObject(root, "categories", problems, (n, where) -> categories.add(new Category(
            text(n, "code", where, problems), n.path("label").asText(""),
            n.hasNonNull("iri") ? Optional.of(DpvTaxonomy.expand(n.get("iri").asText())) : Optional.empty(),
            n.path("special").asBoolean(false), categories.size())));
        eachObject(root, "categories", problems, (n, where) -> checkFields(n.path("fields"), where, problems));
        List<Grant> grants = new ArrayList<>();
        eachObject(root, "grants", problems, (n, where) -> grants.add(new Grant(
            text(n, "organisationType", where, problems), list(n, "purposes"), list(n, "categories"),
            list(n, "legalBasis").stream().map(DpvTaxonomy::expand).toList())));
        if (!problems.isEmpty()) {
            throw new FrameworkException(problems);
        }
        return validate(id, version, types, purposes, categories, grants, firewall, root);
    }

    static Framework validate(String id, String version, List<OrganisationType> types, List<Purpose> purposes,
                              List<Category> categories, List<Grant> grants, Firewall firewall, JsonNode document) {
        List<String> problems = new ArrayList<>();
        DpvTaxonomy dpv = DpvTaxonomy.bundled();
        Map<String, OrganisationType> typeMap = new LinkedHashMap<>();
        for (OrganisationType t : types) {
            if (typeMap.put(t.code(), t) != null) {
                problems.add("organisationTypes: '" + t.code() + "' is named twice");
            }
            if (!t.enforcement()) {
                EnforcementNames.match(t.code() + " " + t.label()).ifPresent(m -> problems.add("organisationTypes '"
                    + t.code() + "': the name ('" + m + "') is that of an authority that could exercise immigration "
                    + "control or enforcement; mark it 'enforcement: true' (it can then never receive data) or name "
                    + "the service it provides"));
            }
        }
        List<Purpose> indexed = new ArrayList<>();
        Set<String> purposeCodes = new HashSet<>();
        Set<String> purposeIris = new HashSet<>();
        Map<String, Purpose> byCode = new HashMap<>();
        for (Purpose p : purposes) {
            String where = "purposes '" + p.code() + "'";
            if (!purposeCodes.add(p.code())) {
                problems.add(where + ": the code is named twice");
            }
            if (!p.code().matches("[a-z0-9][a-z0-9-]*")) {
                problems.add(where + ": a code is lower-case letters, digits and '-'");
            }
            if (!purposeIris.add(p.iri())) {
                problems.add(where + ": the IRI " + p.iri() + " is named by another purpose too");
            }
            if (!dpv.contains(p.iri())) {
                problems.add(where + ": " + p.iri() + " is not a DPV 2.2 purpose term");
            }
            Purpose fixed = new Purpose(p.code(), p.iri(), p.label(), p.retention(), firewall.blocks(p.iri()), indexed.size());
            indexed.add(fixed);
            byCode.put(fixed.code(), fixed);
        }
        if (categories.size() > MAX_CATEGORIES) {
            problems.add("categories: at most " + MAX_CATEGORIES + " categories are supported");
        }
        List<Category> cats = new ArrayList<>();
        Set<String> categoryCodes = new HashSet<>();
        for (Category c : categories) {
            if (!categoryCodes.add(c.code())) {
                problems.add("categories '" + c.code() + "': the code is named twice");
            }
            c.iri().filter(i -> !dpv.contains(i)).ifPresent(i ->
                problems.add("categories '" + c.code() + "': " + i + " is not a DPV 2.2 personal-data term"));
            cats.add(new Category(c.code(), c.label(), c.iri(), c.special(), cats.size()));
        }
        for (int i = 0; i < grants.size(); i++) {
            checkGrant(grants.get(i), "grants[" + i + "] (organisationType '" + grants.get(i).organisationType() + "')",
                typeMap, byCode, cats, dpv, firewall, problems);
        }
        if (id == null || id.isBlank()) {
            problems.add("framework: a name is required");
        }
        if (version == null || version.isBlank()) {
            problems.add("version: a version is required");
        }
        if (!problems.isEmpty()) {
            throw new FrameworkException(problems);
        }
        return new Framework(id, version, typeMap, indexed, cats, grants, document);
    }

    private static void checkGrant(Grant g, String where, Map<String, OrganisationType> types, Map<String, Purpose> purposes,
                                   List<Category> categories, DpvTaxonomy dpv, Firewall firewall, List<String> problems) {
        OrganisationType type = types.get(g.organisationType());
        if (type == null) {
            problems.add(where + ": no such organisation type");
        } else if (type.enforcement()) {
            problems.add(where + ": is an enforcement type, which can never receive service data");
        }
        for (String p : g.purposes()) {
            Purpose purpose = purposes.get(p);
            if (purpose == null) {
                problems.add(where + ": purpose '" + p + "' is not defined");
            } else if (purpose.firewall()) {
                problems.add(where + ": purpose '" + p + "' (" + purpose.iri() + ") lies in the firewall set under "
                    + firewall.rootOf(purpose.iri()).orElse("the firewall") + "; no data may be granted for it");
            }
        }
        boolean special = false;
        for (String c : g.categories()) {
            Optional<Category> cat = categories.stream().filter(x -> x.code().equals(c)).findFirst();
            if (cat.isEmpty()) {
                problems.add(where + ": category '" + c + "' is not defined");
            } else {
                special |= cat.get().special();
            }
        }
        if (g.purposes().isEmpty() || g.categories().isEmpty()) {
            problems.add(where + ": names no purposes or no categories");
        }
        if (g.legalBasis().isEmpty()) {
            problems.add(where + ": names no legal basis");
        }
        for (String basis : g.legalBasis()) {
            if (!basis.startsWith(GDPR) || !dpv.contains(basis)) {
                problems.add(where + ": legal basis " + basis + " is not a GDPR legal basis known to DPV");
            }
        }
        if (special && g.legalBasis().stream().noneMatch(b -> b.startsWith(GDPR + "A9-2-"))) {
            problems.add(where + ": grants special-category data without an Art. 9(2) legal basis");
        }
    }

    private static Optional<Retention> retention(JsonNode n, String where, List<String> problems) {
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        try {
            Period period = Period.parse(n.path("period").asText(""));
            String obligation = n.path("obligation").asText("");
            return Optional.of(new Retention(period, obligation.isBlank() ? Optional.empty() : Optional.of(obligation)));
        } catch (DateTimeParseException e) {
            problems.add(where + ": retention.period must be an ISO-8601 period such as P2Y or P6M");
            return Optional.empty();
        }
    }

    private interface EntryReader {
        void read(JsonNode node, String where);
    }

    private static void eachObject(JsonNode root, String field, List<String> problems, EntryReader reader) {
        JsonNode list = root.path(field);
        if (!list.isArray()) {
            problems.add(field + ": a list is required");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = field + "[" + i + "]";
            if (!n.isObject()) {
                problems.add(where + ": must be a mapping");
                continue;
            }
            reader.read(n, where);
        }
    }

    private static String text(JsonNode n, String field, String where, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            problems.add(where + ": '" + field + "' is required");
            return "";
        }
        return v.asText().trim();
    }

    private static List<String> list(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(v -> out.add(v.asText().trim()));
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
