package eu.haven.core.caseload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.access.AccessGuard;
import eu.haven.core.crypto.KeyedHash;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.framework.Category;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.record.CaseloadIndex;
import eu.haven.core.person.PersonService;
import eu.haven.core.policy.Action;
import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import eu.haven.core.record.Records;
import eu.haven.core.staff.Actor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;

/**
 * An organisation's caseload: the people it took on itself, newest first, with the name and
 * language from its own identity records, filterable by name. Showing a name is an access like any
 * other: what does not depend on the person (firewall, purpose, role) is decided before anything
 * is read, and every person shown is decided and recorded (action {@code list}). The filter never
 * opens a name: it matches keyed hashes of name words and their prefixes
 * ({@link CaseloadRepository}), salted with the organisation so that they link nobody across
 * organisations; only the names on the page shown are opened.
 */
public final class CaseloadService implements CaseloadIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AccessGuard guard;
    private final CaseloadRepository caseload;
    private final RecordRepository records;
    private final PersonKeys keys;
    private final KeyedHash names;

    public CaseloadService(AccessGuard guard, CaseloadRepository caseload, RecordRepository records, PersonKeys keys, KeyedHash names) {
        this.guard = guard;
        this.caseload = caseload;
        this.records = records;
        this.keys = keys;
        this.names = names;
    }

    public CaseloadPage list(Actor actor, RequestedPurpose purpose, Optional<String> nameFilter, int offset, int limit) {
        Category identity = guard.framework().category(PersonService.IDENTITY)
            .orElseThrow(() -> new IllegalStateException("the framework names no identity category"));
        guard.checkWithoutPerson(actor, Action.LIST, purpose, identity.mask());
        List<String> required = nameFilter.map(NameTerms::query).orElse(Set.of()).stream()
            .map(term -> hash(actor.organisation(), term)).toList();
        CaseloadRepository.Rows rows = caseload.page(actor.organisation(), required, Math.max(0, offset), Math.max(1, limit));
        List<CaseloadEntry> shown = new ArrayList<>();
        for (CaseloadRepository.Row r : rows.rows()) {
            Identity id = identity(actor.organisation(), r.personId());
            shown.add(new CaseloadEntry(r.personId(), id.name(), id.language(), r.lastActivity()));
        }
        List<CaseloadEntry> visible = guard.visible(actor, purpose, shown, CaseloadEntry::personId);
        return new CaseloadPage(visible, Math.max(0, offset), rows.total());
    }

    /** Indexes the names of the organisation's own identity records of the person (after they change). */
    @Override
    public void reindex(String organisation, UUID personId) {
        Set<String> hashes = NameTerms.of(String.join(" ", identities(organisation, personId).stream().map(Identity::name).toList()))
            .stream().map(term -> hash(organisation, term)).collect(Collectors.toSet());
        if (hashes.isEmpty()) {
            // Marked as indexed all the same: no filter finds a person without a name.
            hashes = Set.of(hash(organisation, "\u0000"));
        }
        caseload.index(organisation, personId, hashes);
    }

    /** Indexes people taken on before the index existed; returns how many. */
    public int indexMissing() {
        int done = 0;
        for (String org : caseload.organisations()) {
            for (List<UUID> batch = caseload.unindexed(org, 1000); !batch.isEmpty(); batch = caseload.unindexed(org, 1000)) {
                for (UUID person : batch) {
                    reindex(org, person);
                    done++;
                }
            }
        }
        return done;
    }

    private String hash(String organisation, String term) {
        return names.hash(organisation + "\u0000" + term);
    }

    private record Identity(String name, String language) {}

    private Identity identity(String organisation, UUID personId) {
        return identities(organisation, personId).stream().findFirst().orElse(new Identity("", ""));
    }

    private List<Identity> identities(String organisation, UUID personId) {
        Optional<SecretKey> key = keys.find(personId);
        List<Identity> out = new ArrayList<>();
        if (key.isEmpty()) {
            return out;
        }
        for (CaseRecord c : records.forPerson(personId)) {
            if (c.organisation().equals(organisation) && c.category().equals(PersonService.IDENTITY)) {
                try {
                    JsonNode data = JSON.readTree(Records.open(key.get(), c));
                    out.add(new Identity(data.path("displayName").asText(""), data.path("preferredLanguage").asText("")));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("an identity record is not JSON", e);
                }
            }
        }
        return out;
    }
}
