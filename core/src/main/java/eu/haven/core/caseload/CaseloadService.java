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
import eu.haven.core.consent.ConsentRepository;
import eu.haven.core.policy.ConsentFacts;
import eu.haven.core.policy.ReferralFacts;
import eu.haven.core.referral.Referral;
import eu.haven.core.referral.ReferralRepository;
import eu.haven.core.staff.Actor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;

/**
 * An organisation's caseload: the people it took on itself, and those referred to it whose referral it
 * accepted under a live consent that covers their name, newest first, with the name and language from
 * its own identity records (for a referred person, from the referrer's, as the consent allows),
 * filterable by name. Showing a name is an access like any
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
    private final ReferralRepository referrals;
    private final ConsentRepository consents;

    public CaseloadService(AccessGuard guard, CaseloadRepository caseload, RecordRepository records, PersonKeys keys, KeyedHash names,
                           ReferralRepository referrals, ConsentRepository consents) {
        this.guard = guard;
        this.caseload = caseload;
        this.records = records;
        this.keys = keys;
        this.names = names;
        this.referrals = referrals;
        this.consents = consents;
    }

    public CaseloadPage list(Actor actor, RequestedPurpose purpose, Optional<String> nameFilter, int offset, int limit) {
        Category identity = guard.framework().category(PersonService.IDENTITY)
            .orElseThrow(() -> new IllegalStateException("the framework names no identity category"));
        guard.checkWithoutPerson(actor, Action.LIST, purpose, identity.mask());
        List<String> required = nameFilter.map(NameTerms::query).orElse(Set.of()).stream()
            .map(term -> hash(actor.organisation(), term)).toList();
        Instant now = guard.clock().instant();
        CaseloadRepository.Rows rows = caseload.page(actor.organisation(), purpose.recorded(), PersonService.IDENTITY, required, now,
            Math.max(0, offset), Math.max(1, limit));
        // Each person is decided (and recorded) before their name is opened.
        List<CaseloadEntry> shown = new ArrayList<>();
        for (CaseloadRepository.Row r : guard.visible(actor, purpose, rows.rows(), CaseloadRepository.Row::personId)) {
            Identity id = identity(actor.organisation(), r.personId(), now);
            shown.add(new CaseloadEntry(r.personId(), id.name(), id.language(), r.lastActivity()));
        }
        return new CaseloadPage(shown, Math.max(0, offset), rows.total());
    }

    /**
     * Indexes the person's names for the organisation (after its identity records changed, a referral was accepted
     * or a consent withdrawn), and for the organisations that accepted the person's referral from it.
     */
    @Override
    public void reindex(String organisation, UUID personId) {
        reindexFor(organisation, personId);
        referrals.forPerson(personId).stream().filter(r -> r.from().equals(organisation) && r.status() == ReferralFacts.Status.ACCEPTED)
            .map(Referral::to).distinct().filter(to -> !to.equals(organisation)).forEach(to -> reindexFor(to, personId));
    }

    private void reindexFor(String organisation, UUID personId) {
        caseload.index(organisation, personId, termHashes(organisation, personId));
    }

    private Set<String> termHashes(String organisation, UUID personId) {
        Set<String> hashes = NameTerms.of(String.join(" ", identities(organisation, personId, guard.clock().instant()).stream()
                .map(Identity::name).toList()))
            .stream().map(term -> hash(organisation, term)).collect(Collectors.toSet());
        if (hashes.isEmpty()) {
            // Marked as indexed all the same: no filter finds a person without a name.
            hashes = Set.of(hash(organisation, "\u0000"));
        }
        return hashes;
    }

    /** Indexes people taken on before the index existed; returns how many. */
    public int indexMissing() {
        int done = 0;
        for (String org : caseload.organisations()) {
            for (List<UUID> batch = caseload.unindexed(org, 1000); !batch.isEmpty(); batch = caseload.unindexed(org, 1000)) {
                for (UUID person : batch) {
                    caseload.indexFirst(org, person, termHashes(org, person));
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

    private Identity identity(String organisation, UUID personId, Instant now) {
        return identities(organisation, personId, now).stream().findFirst().orElse(new Identity("", ""));
    }

    /**
     * Where the organisation reads the person's name: its own identity records, then those of each organisation that
     * referred the person to it, when it accepted the referral and the consent is live and covers the name.
     */
    private List<String> nameSources(String organisation, UUID personId, Instant now) {
        List<String> sources = new ArrayList<>(List.of(organisation));
        for (Referral r : referrals.forPerson(personId)) {
            if (r.to().equals(organisation) && r.status() == ReferralFacts.Status.ACCEPTED && !sources.contains(r.from())
                && consents.find(r.consentId()).filter(c -> c.status(now) == ConsentFacts.ConsentStatus.LIVE
                    && c.categories().contains(PersonService.IDENTITY)).isPresent()) {
                sources.add(r.from());
            }
        }
        return sources;
    }

    private List<Identity> identities(String organisation, UUID personId, Instant now) {
        Optional<SecretKey> key = keys.find(personId);
        List<Identity> out = new ArrayList<>();
        if (key.isEmpty()) {
            return out;
        }
        List<CaseRecord> held = records.forPerson(personId).stream().filter(c -> c.category().equals(PersonService.IDENTITY)).toList();
        List<CaseRecord> own = held.stream().filter(c -> c.organisation().equals(organisation)).toList();
        if (own.isEmpty() && !held.isEmpty()) {
            // Not taken on here: a person referred to the organisation, named as the referrer's records say.
            List<String> sources = nameSources(organisation, personId, now);
            own = held.stream().filter(c -> sources.contains(c.organisation()))
                .sorted(java.util.Comparator.comparingInt(c -> sources.indexOf(c.organisation()))).toList();
        }
        for (CaseRecord c : own) {
            try {
                JsonNode data = JSON.readTree(Records.open(key.get(), c));
                out.add(new Identity(data.path("displayName").asText(""), data.path("preferredLanguage").asText("")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("an identity record is not JSON", e);
            }
        }
        return out;
    }
}
