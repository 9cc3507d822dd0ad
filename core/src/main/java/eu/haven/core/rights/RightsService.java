package eu.haven.core.rights;

import eu.haven.core.access.Recorder;
import eu.haven.core.alert.Alert;
import eu.haven.core.alert.AlertService;
import eu.haven.core.audit.Ledger;
import eu.haven.core.consent.Consent;
import eu.haven.core.consent.ConsentRepository;
import eu.haven.core.correction.CorrectionService;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.erasure.ErasureService;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.person.Person;
import eu.haven.core.person.PersonRepository;
import eu.haven.core.person.Profile;
import eu.haven.core.person.Profiles;
import eu.haven.core.person.Self;
import eu.haven.core.policy.Action;
import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import eu.haven.core.record.RecordView;
import eu.haven.core.record.Records;
import eu.haven.core.referral.ReferralRepository;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.OrganisationRepository;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.TlogProof;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * What a person does with their own data (GDPR Art. 15, 20 and 7(3)): see all of it and every
 * access to it, download it, fetch a receipt for any access, withdraw a consent. Each request is
 * recorded in the ledger before anything is released; no "immigration exemption", no filtering.
 */
public final class RightsService {
    private final Framework framework;
    private final Recorder recorder;
    private final Ledger ledger;
    private final PersonRepository persons;
    private final Profiles profiles;
    private final PersonKeys keys;
    private final RecordRepository records;
    private final ConsentRepository consents;
    private final ReferralRepository referrals;
    private final CorrectionService corrections;
    private final ErasureService erasures;
    private final OrganisationRepository organisations;
    private final java.util.function.Function<UUID, List<eu.haven.core.code.CodeRequestView>> codeRequests;
    private final AlertService alerts;
    /** The authority requests each person may not be told of yet (a court-ordered postponement): their steps are left out. */
    private final java.util.function.Function<UUID, Set<UUID>> postponed;

    public RightsService(Framework framework, Recorder recorder, Ledger ledger, PersonRepository persons, PersonKeys keys,
                         RecordRepository records, ConsentRepository consents, ReferralRepository referrals,
                         CorrectionService corrections, ErasureService erasures, OrganisationRepository organisations,
                         java.util.function.Function<UUID, List<eu.haven.core.code.CodeRequestView>> codeRequests, AlertService alerts,
                         java.util.function.Function<UUID, Set<UUID>> postponed) {
        this.postponed = postponed;
        this.codeRequests = codeRequests;
        this.alerts = alerts;
        this.framework = framework;
        this.recorder = recorder;
        this.ledger = ledger;
        this.persons = persons;
        this.profiles = new Profiles(persons, keys);
        this.keys = keys;
        this.records = records;
        this.consents = consents;
        this.referrals = referrals;
        this.corrections = corrections;
        this.erasures = erasures;
        this.organisations = organisations;
    }

    /** Art. 15: everything, with the full access history. */
    public PersonalData view(Self self) {
        return gather(self, Action.VIEW_OWN, true);
    }

    /** Art. 20: the same, as one document to take away. */
    public PersonalData export(Self self) {
        return gather(self, Action.EXPORT_OWN, true);
    }

    /** Everything but the access history, which {@link #timeline} gives a page at a time: the portal's first page. */
    public PersonalData overview(Self self) {
        return gather(self, Action.VIEW_OWN, false);
    }

    /** A page of the person's access history, newest first, below ledger index {@code before}; recorded as the person viewing it. */
    public record Timeline(List<eu.haven.core.audit.LoggedEvent> events, int withheld, boolean older, Map<String, Organisation> organisations,
                           Profile profile, long eventIndex) {}

    public Timeline timeline(Self self, long before, int limit) {
        UUID id = self.personId();
        Person person = persons.find(id).orElseThrow(RightsService::gone);
        SecretKey key = keys.find(id).orElseThrow(RightsService::gone);
        long index = recorder.byPerson(id, Action.VIEW_OWN, java.util.Set.of(), Optional.empty());
        Ledger.HistoryPage page = ledger.historyPage(id, before, limit);
        if (page.withheld() > 0) {
            alerts.raiseUnlessOpen(Alert.Kind.LEDGER_ALTERED, id);
        }
        return new Timeline(shown(id, page.events()), page.withheld(), page.older(), organisations(), Profiles.open(person, key), index);
    }

    private PersonalData gather(Self self, Action action, boolean withHistory) {
        UUID id = self.personId();
        Person person = persons.find(id).orElseThrow(RightsService::gone);
        SecretKey key = keys.find(id).orElseThrow(RightsService::gone);
        long index = recorder.byPerson(id, action, all(), Optional.empty());
        Profile profile = Profiles.open(person, key);
        List<RecordView> opened = records.forPerson(id).stream().map(r -> view(key, r)).toList();
        Ledger.History history = withHistory ? ledger.history(id) : new Ledger.History(List.of(), 0);
        if (history.withheld() > 0) {
            alerts.raiseUnlessOpen(Alert.Kind.LEDGER_ALTERED, id);
        }
        List<Consent> given = consents.forPerson(id);
        Map<UUID, String> guardians = new HashMap<>();
        given.forEach(c -> eu.haven.core.consent.ConsentService.guardianName(key, c).ifPresent(n -> guardians.put(c.id(), n)));
        return new PersonalData(id, person.createdAt(), profile, opened, given, referrals.forPerson(id),
            corrections.ofPerson(id, key), erasures.ofPerson(id, key), Map.copyOf(guardians), eu.haven.core.referral.ReferralService.declineReasons(referrals, key, id), codeRequests.apply(id), shown(id, history.events()), history.withheld(),
            organisations(), index, recorder.clock().instant());
    }

    /** The events the person may be shown: all but the steps of an authority request whose telling a court has postponed. */
    private List<eu.haven.core.audit.LoggedEvent> shown(UUID personId, List<eu.haven.core.audit.LoggedEvent> events) {
        Set<UUID> hidden = postponed.apply(personId);
        if (hidden.isEmpty()) {
            return events;
        }
        return events.stream().filter(e -> e.event().target().filter(hidden::contains).isEmpty()).toList();
    }

    /**
     * Organisations by id, to name them to the person: read again at most every ten seconds (every
     * view names them, and they change only when an administrator adds one).
     */
    public Map<String, Organisation> organisations() {
        long now = System.nanoTime();
        Named held = named;
        if (held != null && now - held.readAt() < 10_000_000_000L) {
            return held.byId();
        }
        Map<String, Organisation> orgs = new HashMap<>();
        organisations.all().forEach(o -> orgs.put(o.id(), o));
        Map<String, Organisation> fresh = Map.copyOf(orgs);
        named = new Named(fresh, now);
        return fresh;
    }

    /** Organisations by id as the database has them this moment (for the administrator, who has just added one). */
    public Map<String, Organisation> organisationsNow() {
        named = null;
        return organisations();
    }

    private record Named(Map<String, Organisation> byId, long readAt) {}

    private volatile Named named;

    /** The person's preferred language, if they still exist. */
    public Optional<String> language(Self self) {
        return profiles.of(self.personId()).map(Profile::preferredLanguage);
    }

    private static RecordView view(SecretKey key, CaseRecord r) {
        return new RecordView(r.id(), r.category(), Records.open(key, r), r.organisation(), r.purpose(), r.createdAt());
    }

    /**
     * A receipt (c2sp.org/tlog-proof@v1 with the event's opening) for one of the person's own
     * access events; signs a fresh checkpoint first if the event is newer than the last one.
     */
    public String receipt(Self self, long index) {
        UUID id = self.personId();
        keys.find(id).orElseThrow(RightsService::gone);
        recorder.byPerson(id, Action.RECEIPT, Set.of(), Optional.empty());
        if (index < 0 || index >= ledger.size()) {
            throw HavenException.notFound();
        }
        Optional<TlogProof> proof = ledger.receipt(index);
        if (proof.isEmpty()) {
            ledger.checkpoint();
            proof = ledger.receipt(index);
        }
        return proof.filter(p -> concerns(p, id)).map(TlogProof::format).orElseThrow(HavenException::notFound);
    }

    private boolean concerns(TlogProof proof, UUID personId) {
        Set<UUID> hidden = postponed.apply(personId);
        return proof.extra().map(EventCommitment::parseOpening).map(o -> o.event())
            .filter(e -> e.personId().filter(personId::equals).isPresent())
            .filter(e -> e.target().filter(hidden::contains).isEmpty()).isPresent();
    }

    /** Art. 7(3): withdrawal, effective at once for every organisation. */
    public Consent withdrawConsent(Self self, UUID consentId) {
        UUID id = self.personId();
        keys.find(id).orElseThrow(RightsService::gone);
        Consent consent = consents.find(consentId).filter(c -> c.personId().equals(id)).orElseThrow(HavenException::notFound);
        recorder.byPerson(id, Action.WITHDRAW_CONSENT, Set.copyOf(consent.categories()), Optional.of(consentId));
        consents.withdraw(consentId, recorder.clock().instant(), Optional.empty());
        return consents.find(consentId).orElseThrow(HavenException::notFound);
    }

    private Set<String> all() {
        return framework.categoryCodes(framework.allCategories());
    }

    /** The person was erased while the session was open: the session is no longer valid. */
    private static HavenException gone() {
        return new HavenException(ErrorCode.UNAUTHORIZED, "This session is no longer valid. Sign in with your access code.");
    }
}
