package eu.haven.core.authority;

import eu.haven.core.access.Recorder;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.error.Validation;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.person.PersonRepository;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The data protection officer's register of requests for data from authorities. The firewall
 * decides first, as the request is registered: an enforcement purpose, an immigration authority
 * and a foreign state are refused at once, and a refusal letter is produced. Anything else waits
 * for the officer's reasoned decision, which may grant only categories the framework allows for the
 * stated purpose. Every step is recorded in the ledger, once for the request (naming nobody) and
 * once for each person it concerns, so that it appears in their own history, unless a court has
 * ordered that telling them wait until a stated date ({@link #postpone}).
 */
public final class AuthorityRequestService {
    /** Letters can be produced in these languages. */
    public static final List<String> LETTER_LANGUAGES = List.of("en", "de", "fr");
    /** The reason recorded while a request waits for the officer. */
    public static final String AWAITING = "awaiting-decision";
    /** The reason recorded when the officer refuses. */
    public static final String REFUSED = "authority-refused";
    private static final int TEXT_LIMIT = 300;
    private static final int NOTE_LIMIT = 2000;

    private final Framework framework;
    private final Firewall firewall;
    private final PurposeResolver purposes;
    private final AuthorityRequestRepository requests;
    private final PersonRepository persons;
    private final Recorder recorder;
    private final ZoneId zone;

    public AuthorityRequestService(Framework framework, Firewall firewall, PurposeResolver purposes, AuthorityRequestRepository requests,
                                   PersonRepository persons, Recorder recorder, ZoneId zone) {
        this.framework = framework;
        this.firewall = firewall;
        this.purposes = purposes;
        this.requests = requests;
        this.persons = persons;
        this.recorder = recorder;
        this.zone = zone;
        this.latestPostponement = requests.latestPostponement();
    }

    /** Registers a request; the firewall decides at once where it can. */
    public AuthorityRequest register(Actor officer, NewAuthorityRequest input) {
        requireOfficer(officer);
        String body = Validation.text(input.body(), "body", TEXT_LIMIT);
        BodyType type = Optional.ofNullable(input.bodyType()).flatMap(BodyType::parse)
            .orElseThrow(() -> HavenException.invalid("bodyType", "Choose the kind of body: police, immigration, court, foreign or public-body."));
        String reference = Validation.text(input.legalReference(), "legalReference", TEXT_LIMIT);
        String declared = Validation.text(input.purpose(), "purpose", TEXT_LIMIT);
        Set<String> categories = new TreeSet<>(Optional.ofNullable(input.categories()).orElse(Set.of()));
        for (String c : categories) {
            if (framework.category(c).isEmpty()) {
                throw new HavenException(ErrorCode.UNKNOWN_CATEGORY, "A category asked for is not one the framework names.",
                    Optional.of("categories"));
            }
        }
        String language = Optional.ofNullable(input.letterLanguage()).filter(LETTER_LANGUAGES::contains)
            .orElseThrow(() -> HavenException.invalid("letterLanguage", "The letter can be written in en, de or fr."));
        RequestedPurpose purpose = purposes.resolve(List.of(declared));
        Optional<String> root = firewallRoot(purpose, type);
        AuthorityRequest.Status status = root.isPresent() ? AuthorityRequest.Status.REFUSED_AUTOMATICALLY : AuthorityRequest.Status.WAITING;
        Instant now = recorder.clock().instant();
        UUID id = UUID.randomUUID();
        AuthorityRequest request = new AuthorityRequest(id, now, officer.userId(), officer.organisation(), body, type, reference,
            purpose.recorded(), root, Set.copyOf(categories), language, status,
            root.map(r -> now), root.map(r -> officer.userId()), Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
        recorder.byStaff(officer, Action.AUTHORITY_REQUEST, request.purpose(), Optional.empty(), request.categories(),
            Optional.of(root.isPresent() ? "firewall" : AWAITING), Optional.of(id));
        requests.insert(request);
        return request;
    }

    /**
     * The firewall's answer: the root of the stated purpose if it is behind the firewall, the
     * immigration root for an immigration authority, the law-enforcement root for a foreign state.
     */
    private Optional<String> firewallRoot(RequestedPurpose purpose, BodyType type) {
        if (purpose.firewall()) {
            Optional<String> root = firewall.rootOf(purpose.iri());
            return Optional.of(root.orElse(Firewall.ROOTS.get(1)));
        }
        if (type == BodyType.IMMIGRATION) {
            return Optional.of(Firewall.ROOTS.get(0));
        }
        if (type == BodyType.FOREIGN) {
            return Optional.of(Firewall.ROOTS.get(1));
        }
        return Optional.empty();
    }

    /**
     * Adds one person the request concerns, by their reference in Haven: the officer matches people
     * one at a time, never from a list. The step is recorded about the person: the firewall's refusal,
     * the waiting request, and the decision if it was already taken.
     */
    public AuthorityRequest addPerson(Actor officer, UUID requestId, UUID personId) {
        requireOfficer(officer);
        AuthorityRequest request = find(officer, requestId);
        if (!persons.exists(personId)) {
            throw new HavenException(ErrorCode.NOT_FOUND, "No one in Haven has this reference.", Optional.of("person"));
        }
        if (!requests.addPerson(requestId, personId, recorder.clock().instant())) {
            return request;
        }
        boolean refused = request.status() == AuthorityRequest.Status.REFUSED_AUTOMATICALLY;
        recorder.byStaff(officer, Action.AUTHORITY_REQUEST, request.purpose(), Optional.of(personId), request.categories(),
            Optional.of(refused ? "firewall" : AWAITING), Optional.of(requestId));
        if (request.status() == AuthorityRequest.Status.GRANTED || request.status() == AuthorityRequest.Status.REFUSED) {
            recordDecision(officer, request, Optional.of(personId));
        }
        request.postponedUntil().ifPresent(until -> recorder.byStaff(officer, Action.AUTHORITY_POSTPONE, request.purpose(),
            Optional.of(personId), Set.of(), Optional.empty(), Optional.of(requestId)));
        return request;
    }

    /**
     * The officer's reasoned decision on a waiting request: grant some of the categories asked (only
     * those the framework allows any organisation for the stated purpose), or refuse ({@code grant}
     * empty).
     */
    public AuthorityRequest decide(Actor officer, UUID requestId, Set<String> grant, String note) {
        requireOfficer(officer);
        AuthorityRequest request = find(officer, requestId);
        if (request.decided()) {
            throw new HavenException(ErrorCode.CONFLICT, "This request was already decided.");
        }
        String reason = Validation.text(note, "note", NOTE_LIMIT);
        Set<String> granted = Set.copyOf(Optional.ofNullable(grant).orElse(Set.of()));
        if (!granted.isEmpty()) {
            if (!request.categories().containsAll(granted)) {
                throw new HavenException(ErrorCode.CATEGORY_NOT_ALLOWED, "Only categories the authority asked for can be granted.",
                    Optional.of("grant"));
            }
            Set<String> allowed = allowedFor(request.purpose());
            if (!allowed.containsAll(granted)) {
                throw new HavenException(ErrorCode.CATEGORY_NOT_ALLOWED,
                    "The framework does not allow these categories for this purpose: grant fewer, or refuse.", Optional.of("grant"));
            }
        }
        AuthorityRequest decided = request.decide(granted.isEmpty() ? AuthorityRequest.Status.REFUSED : AuthorityRequest.Status.GRANTED,
            recorder.clock().instant(), officer.userId(), reason, granted);
        recordDecision(officer, decided, Optional.empty());
        for (UUID person : requests.persons(requestId)) {
            recordDecision(officer, decided, Optional.of(person));
        }
        requests.decide(decided);
        return decided;
    }

    /** The categories the framework allows some organisation type (never an enforcement one) for the purpose as recorded. */
    public Set<String> allowedFor(String recordedPurpose) {
        return framework.purposeByCode(recordedPurpose).filter(p -> !p.firewall() && !firewall.blocks(p.iri())).map(p -> {
            long mask = 0;
            for (OrganisationType type : framework.organisationTypes()) {
                if (!type.enforcement()) {
                    mask |= framework.grantMask(type.code(), p);
                }
            }
            return framework.categoryCodes(mask);
        }).orElse(Set.of());
    }

    private void recordDecision(Actor officer, AuthorityRequest decided, Optional<UUID> person) {
        boolean granted = decided.status() == AuthorityRequest.Status.GRANTED;
        recorder.byStaff(officer, Action.AUTHORITY_DECISION, decided.purpose(), person, granted ? decided.granted() : decided.categories(),
            granted ? Optional.empty() : Optional.of(REFUSED), Optional.of(decided.id()));
    }

    /**
     * Where a court order lawfully demands it, telling the people concerned waits until {@code until}
     * (at most a year ahead): their history shows nothing of the request until that day. The
     * postponement is itself recorded, and counted in the report.
     */
    public AuthorityRequest postpone(Actor officer, UUID requestId, LocalDate until, String courtOrder) {
        requireOfficer(officer);
        AuthorityRequest request = find(officer, requestId);
        String reason = Validation.text(courtOrder, "reason", TEXT_LIMIT);
        LocalDate today = LocalDate.ofInstant(recorder.clock().instant(), zone);
        if (until == null || !until.isAfter(today) || until.isAfter(today.plusYears(1))) {
            throw HavenException.invalid("until", "Give a date after today and at most a year ahead.");
        }
        if (request.postponedUntil().isPresent()) {
            throw new HavenException(ErrorCode.CONFLICT, "Telling the people concerned was already postponed once.");
        }
        requests.postpone(requestId, until, reason);
        latestPostponement = Optional.of(latestPostponement.filter(until::isBefore).orElse(until));
        recorder.byStaff(officer, Action.AUTHORITY_POSTPONE, request.purpose(), Optional.empty(), Set.of(), Optional.empty(),
            Optional.of(requestId));
        for (UUID person : requests.persons(requestId)) {
            recorder.byStaff(officer, Action.AUTHORITY_POSTPONE, request.purpose(), Optional.of(person), Set.of(), Optional.empty(),
                Optional.of(requestId));
        }
        return find(officer, requestId);
    }

    public AuthorityRequest find(Actor officer, UUID id) {
        requireOfficer(officer);
        return requests.find(id).orElseThrow(HavenException::notFound);
    }

    public List<AuthorityRequest> list(Actor officer) {
        requireOfficer(officer);
        return requests.list(500);
    }

    public int personCount(Actor officer, UUID id) {
        requireOfficer(officer);
        return requests.personCount(id);
    }

    /**
     * The request ids whose steps the person may not be shown yet (a court-ordered postponement
     * running). Every view of a person's history asks, so while no postponement runs at all the
     * answer comes from memory: the latest date postponed to, read once and moved by {@link #postpone}.
     */
    public Set<UUID> hiddenFrom(UUID personId) {
        LocalDate today = LocalDate.ofInstant(recorder.clock().instant(), zone);
        // Another server may have registered a postponement: then the database is asked every time.
        if (requests.shared()) {
            return requests.hiddenFrom(personId, today);
        }
        return latestPostponement.filter(today::isBefore).isPresent() ? requests.hiddenFrom(personId, today) : Set.of();
    }

    /** Read at start; moved by {@link #postpone}, the only writer. */
    private volatile Optional<LocalDate> latestPostponement;

    public Framework framework() {
        return framework;
    }

    private static void requireOfficer(Actor actor) {
        if (actor.role() != Role.DPO) {
            throw new HavenException(ErrorCode.ROLE, "The register of authority requests is the data protection officer's.");
        }
    }

}
