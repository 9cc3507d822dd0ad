package eu.haven.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.DirectoryRepository;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Metadata;
import eu.haven.navigator.directory.Organization;
import eu.haven.navigator.directory.QuestionEntry;
import eu.haven.navigator.directory.ResourceType;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.directory.ServiceAtLocation;
import eu.haven.navigator.directory.Taxonomy;
import eu.haven.navigator.directory.TaxonomyTerm;
import eu.haven.navigator.hsds.HsdsJson;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The directory in its own two tables (migration V12), each resource as its HSDS JSON. */
public final class JdbcDirectoryRepository implements DirectoryRepository {
    private final Database db;

    public JdbcDirectoryRepository(Database db) {
        this.db = db;
    }

    @Override
    public Directory load() {
        return db.with(h -> new Directory(read(h, ResourceType.ORGANIZATION, Organization.class),
            read(h, ResourceType.SERVICE, Service.class), read(h, ResourceType.LOCATION, Location.class),
            read(h, ResourceType.SERVICE_AT_LOCATION, ServiceAtLocation.class), read(h, ResourceType.TAXONOMY, Taxonomy.class),
            read(h, ResourceType.TAXONOMY_TERM, TaxonomyTerm.class), read(h, ResourceType.QUESTION, QuestionEntry.class)));
    }

    private static <T> List<T> read(Handle h, ResourceType type, Class<T> as) {
        return h.createQuery("SELECT body FROM directory_resources WHERE resource_type = :t ORDER BY id")
            .bind("t", type.hsdsName()).mapTo(String.class).map(body -> parse(body, as)).list();
    }

    private static <T> T parse(String body, Class<T> as) {
        try {
            return HsdsJson.MAPPER.readValue(body, as);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored directory resource is not its JSON", e);
        }
    }

    private static String json(Object o) {
        try {
            return HsdsJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long version() {
        return db.with(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM directory_changes").mapTo(Long.class).one());
    }

    @Override
    public void replaceAll(Directory d, List<Metadata> changes) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("DELETE FROM directory_resources").execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO directory_resources (resource_type, id, body) VALUES (:t, :id, :body)");
            add(batch, ResourceType.ORGANIZATION, d.organizations(), Organization::id);
            add(batch, ResourceType.SERVICE, d.services(), Service::id);
            add(batch, ResourceType.LOCATION, d.locations(), Location::id);
            add(batch, ResourceType.SERVICE_AT_LOCATION, d.serviceAtLocations(), ServiceAtLocation::id);
            add(batch, ResourceType.TAXONOMY, d.taxonomies(), Taxonomy::id);
            add(batch, ResourceType.TAXONOMY_TERM, d.terms(), TaxonomyTerm::id);
            add(batch, ResourceType.QUESTION, d.questions(), QuestionEntry::id);
            if (batch.size() > 0) {
                batch.execute();
            }
            record(h, changes);
            return null;
        }));
    }

    private static <T> void add(PreparedBatch batch, ResourceType type, List<T> items, Function<T, String> id) {
        for (T item : items) {
            batch.bindMap(Map.of("t", type.hsdsName(), "id", id.apply(item), "body", json(item))).add();
        }
    }

    @Override
    public void put(ResourceType type, String id, Object resource, List<Metadata> changes) {
        db.inTransaction(() -> db.with(h -> {
            int updated = h.createUpdate("UPDATE directory_resources SET body = :body WHERE resource_type = :t AND id = :id")
                .bind("t", type.hsdsName()).bind("id", id).bind("body", json(resource)).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO directory_resources (resource_type, id, body) VALUES (:t, :id, :body)")
                    .bind("t", type.hsdsName()).bind("id", id).bind("body", json(resource)).execute();
            }
            record(h, changes);
            return null;
        }));
    }

    private static void record(Handle h, List<Metadata> changes) {
        if (changes.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO directory_changes (id, resource_id, resource_type, last_action_date, "
            + "last_action_type, field_name, previous_value, replacement_value, updated_by) "
            + "VALUES (:id, :rid, :rt, :date, :type, :field, :prev, :next, :by)");
        for (Metadata m : changes) {
            batch.bind("id", m.id()).bind("rid", m.resourceId()).bind("rt", m.resourceType()).bind("date", m.lastActionDate())
                .bind("type", m.lastActionType()).bind("field", nz(m.fieldName())).bind("prev", nz(m.previousValue()))
                .bind("next", nz(m.replacementValue())).bind("by", m.updatedBy()).add();
        }
        batch.execute();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public List<Metadata> history(String resourceId) {
        return db.with(h -> h.createQuery("SELECT * FROM directory_changes WHERE resource_id = :id ORDER BY seq DESC")
            .bind("id", resourceId).map((rs, c) -> new Metadata(rs.getString("id"), rs.getString("resource_id"),
                rs.getString("resource_type"), rs.getString("last_action_date"), rs.getString("last_action_type"),
                rs.getString("field_name"), rs.getString("previous_value"), rs.getString("replacement_value"),
                rs.getString("updated_by"))).list());
    }
}
