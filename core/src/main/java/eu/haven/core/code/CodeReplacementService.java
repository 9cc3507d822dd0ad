package eu.haven.core.code;

import eu.haven.core.access.AccessGuard;
import eu.haven.core.alert.Alert;
import eu.haven.core.alert.AlertService;
import eu.haven.core.crypto.KeyedHash;
import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Category;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.person.AccessCodes;
import eu.haven.core.person.IssuedCode;
import eu.haven.core.person.PersonRepository;
import eu.haven.core.person.PersonService;
import eu.haven.core.person.PersonSessionRepository;
import eu.haven.core.person.Profiles;
import eu.haven.core.policy.Action;
import eu.haven.core.policy.DenyReason;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.core.staff.StaffRepository;
import eu.haven.core.staff.StaffUser;
import eu.haven.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A new access code for someone who lost theirs or forgot their secret, in three steps by two
 * people: a member of staff of an organisation with a relationship of its own asks; a second
 * person approves (the data protection officer, or a worker of another organisation working with
 * the person, never the one who asked nor a colleague); the one who asked collects the code once.
 * Every step is decided and recorded; the request raises an alert for the data protection officer
 * and shows in the person's own history with who asked and who approved.
 */
public final class CodeReplacementService {
    private static final int LIST_LIMIT = 200;
    private final AccessGuard guard;
    private final CodeRequestRepository requests;
    private final PersonRepository persons;
    private final PersonSessionRepository sessions;
    private final PasswordHasher codeHasher;
    private final KeyedHash codeLookup;
    private final Profiles profiles;
    private final StaffRepository staff;
    private final AlertService alerts;
    private final Transactions tx;
    private final Duration activationWindow;

    public CodeReplacementService(AccessGuard guard, CodeRequestRepository requests, PersonRepository persons,
                                  PersonSessionRepository sessions, PasswordHasher codeHasher, KeyedHash codeLookup,
                                  Profiles profiles, StaffRepository staff, AlertService alerts, Transactions tx,
                                  Duration activationWindow) {
        this.guard = guard;
        this.requests = requests;
        this.persons = persons;
        this.sessions = sessions;
        this.codeHasher = codeHasher;
        this.codeLookup = codeLookup;
        this.profiles = profiles;
        this.staff = staff;
        this.alerts = alerts;
        this.tx = tx;
        this.activationWindow = activationWindow;
    }

    /** Asks for a new code; only an organisation with a relationship of its own may. */
    public CodeRequest request(Actor actor, RequestedPurpose purpose, UUID personId) {
        UUID id = UUID.randomUUID();
        guard.check(actor, Action.REQUEST_ACCESS_CODE, purpose, personId, identity(), Optional.of(id));
        CodeRequest request = new CodeRequest(id, personId, actor.organisation(), actor.userId(), guard.clock().instant(),
            CodeRequest.Status.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        requests.insert(request);
        alerts.raise(Alert.Kind.CODE_REPLACEMENT_REQUESTED, personId, Optional.of(actor.organisation()), Optional.of(id));
        return request;
    }

    /**
     * Requests waiting for a second person. The data protection officer sees all of them (which
     * organisation asked and when; no person); a worker sees those of other organisations about
     * people their own organisation works with, each a recorded access.
     */
    public List<CodeRequest> waiting(Actor actor, Optional<RequestedPurpose> purpose) {
        List<CodeRequest> pending = requests.pending(LIST_LIMIT);
        if (actor.role() == Role.DPO) {
            return pending;
        }
        RequestedPurpose declared = purpose.orElseThrow(() -> new HavenException(ErrorCode.PURPOSE_REQUIRED,
            "Every request that touches personal data declares its purpose in the Purpose header."));
        List<CodeRequest> others = pending.stream().filter(r -> !r.organisation().equals(actor.organisation())).toList();
        return guard.visible(actor, declared, others, CodeRequest::personId);
    }

    /**
     * The requests this member of staff asked for and has not handed over: waiting for a second
     * person, or approved and to be collected. Their own requests, naming no person.
     */
    public List<CodeRequest> asked(Actor actor) {
        return requests.openBy(actor.userId(), LIST_LIMIT);
    }

    /** The second person approves. */
    public CodeRequest approve(Actor actor, RequestedPurpose purpose, UUID requestId) {
        CodeRequest r = requests.find(requestId)
            .orElseThrow(() -> guard.unknown(actor, Action.APPROVE_ACCESS_CODE, purpose, Optional.of(requestId)));
        boolean second = !actor.userId().equals(r.requestedBy())
            && (actor.role() == Role.DPO || !actor.organisation().equals(r.organisation()));
        guard.check(actor, Action.APPROVE_ACCESS_CODE, purpose, r.personId(), identity(), Optional.of(requestId),
            () -> second ? Optional.empty() : Optional.of(DenyReason.SECOND_PERSON_REQUIRED));
        if (r.status() != CodeRequest.Status.PENDING
            || !requests.approve(requestId, actor.userId(), actor.organisation(), guard.clock().instant())) {
            throw new HavenException(ErrorCode.CONFLICT, "This request is no longer waiting for approval.");
        }
        return requests.find(requestId).orElseThrow(HavenException::notFound);
    }

    /** The one who asked collects the approved code, once: the old code, its secret and every session stop at once. */
    public IssuedCode collect(Actor actor, RequestedPurpose purpose, UUID requestId) {
        CodeRequest r = requests.find(requestId)
            .orElseThrow(() -> guard.unknown(actor, Action.ISSUE_ACCESS_CODE, purpose, Optional.of(requestId)));
        if (!actor.userId().equals(r.requestedBy())) {
            throw guard.refuse(actor, Action.ISSUE_ACCESS_CODE, purpose, r.personId(), Optional.of(requestId));
        }
        if (r.status() == CodeRequest.Status.PENDING) {
            throw new HavenException(ErrorCode.CONFLICT, "This request still waits for a second person's approval.");
        }
        if (r.status() == CodeRequest.Status.ISSUED) {
            throw new HavenException(ErrorCode.CONFLICT, "This code was collected already; ask again for a new one.");
        }
        AccessGuard.Granted granted = guard.check(actor, Action.ISSUE_ACCESS_CODE, purpose, r.personId(), identity(),
            Optional.of(requestId));
        String language = profiles.of(r.personId()).orElseThrow(HavenException::notFound).preferredLanguage();
        String code = AccessCodes.generate();
        String canonical = AccessCodes.normalise(code).orElseThrow();
        Instant now = guard.clock().instant();
        tx.run(() -> {
            if (!requests.issue(requestId, now)) {
                throw new HavenException(ErrorCode.CONFLICT, "This code was collected already; ask again for a new one.");
            }
            if (!persons.replaceAccessCode(r.personId(), codeHasher.hash(canonical), codeLookup.hash(canonical), now)) {
                throw HavenException.notFound();
            }
            sessions.deleteForPerson(r.personId());
        });
        return new IssuedCode(code, language, granted.eventIndex(), now.plus(activationWindow));
    }

    /** The person's requests, with who asked and who approved, for their own view. */
    public List<CodeRequestView> ofPerson(UUID personId) {
        return requests.forPerson(personId).stream().map(r -> new CodeRequestView(r.requestedAt(), r.organisation(),
            username(r.requestedBy()), r.status(), r.approvedAt(), r.approverOrganisation(),
            r.approvedBy().map(this::username), r.issuedAt())).toList();
    }

    private String username(UUID id) {
        return staff.find(id).map(StaffUser::username).orElse("");
    }

    private long identity() {
        return guard.framework().category(PersonService.IDENTITY).map(Category::mask)
            .orElseThrow(() -> new IllegalStateException("the framework names no identity category"));
    }
}
