package eu.haven.core.caseload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.access.AccessGuard;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.framework.Category;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.person.PersonService;
import eu.haven.core.person.Relationship;
import eu.haven.core.person.RelationshipRepository;
import eu.haven.core.policy.Action;
import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import eu.haven.core.record.Records;
import eu.haven.core.staff.Actor;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * An organisation's caseload: the people it took on itself, with the name and language from its
 * own identity records, newest first, filtered by name. Showing a name is an access like any
 * other: what does not depend on the person (firewall, purpose, role) is decided before any name
 * is opened, and every person shown is decided and recorded (action {@code list}). Names are opened
 * only to filter and are never kept.
 */
public final class CaseloadService {
    /** The most people one organisation's caseload reads. */
    public static final int MAX_PEOPLE = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AccessGuard guard;
    private final RelationshipRepository relationships;
    private final RecordRepository records;
    private final PersonKeys keys;

    public CaseloadService(AccessGuard guard, RelationshipRepository relationships, RecordRepository records, PersonKeys keys) {
        this.guard = guard;
        this.relationships = relationships;
        this.records = records;
        this.keys = keys;
    }

    public CaseloadPage list(Actor actor, RequestedPurpose purpose, Optional<String> nameFilter, int offset, int limit) {
        Category identity = guard.framework().category(PersonService.IDENTITY)
            .orElseThrow(() -> new IllegalStateException("the framework names no identity category"));
        guard.checkWithoutPerson(actor, Action.LIST, purpose, identity.mask());
        Optional<String> needle = nameFilter.map(CaseloadService::fold).filter(s -> !s.isBlank());
        List<CaseloadEntry> matching = new ArrayList<>();
        for (Relationship r : relationships.ofOrganisation(actor.organisation(), MAX_PEOPLE)) {
            entry(actor.organisation(), r).filter(e -> needle.isEmpty() || fold(e.name()).contains(needle.get()))
                .ifPresent(matching::add);
        }
        matching.sort(Comparator.comparing(CaseloadEntry::lastActivity).reversed());
        int from = Math.max(0, Math.min(offset, matching.size()));
        List<CaseloadEntry> shown = matching.subList(from, Math.min(matching.size(), from + Math.max(1, limit)));
        List<CaseloadEntry> visible = guard.visible(actor, purpose, List.copyOf(shown), CaseloadEntry::personId);
        return new CaseloadPage(visible, from, matching.size());
    }

    private Optional<CaseloadEntry> entry(String organisation, Relationship r) {
        Optional<SecretKey> key = keys.find(r.personId());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String name = "";
        String language = "";
        Instant last = r.since();
        for (CaseRecord c : records.forPerson(r.personId())) {
            if (!c.organisation().equals(organisation)) {
                continue;
            }
            if (c.createdAt().isAfter(last)) {
                last = c.createdAt();
            }
            if (c.category().equals(PersonService.IDENTITY) && name.isEmpty()) {
                try {
                    JsonNode data = JSON.readTree(Records.open(key.get(), c));
                    name = data.path("displayName").asText("");
                    language = data.path("preferredLanguage").asText("");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("an identity record is not JSON", e);
                }
            }
        }
        return Optional.of(new CaseloadEntry(r.personId(), name, language, last));
    }

    /** Case and accents do not matter to the filter: "amina" finds "Āmina". */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
