package eu.haven.core.access;

import eu.haven.core.audit.AccessLog;
import eu.haven.core.crypto.Randomness;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.AccessRequest;
import eu.haven.core.policy.Action;
import eu.haven.core.policy.ConsentFacts;
import eu.haven.core.policy.Decision;
import eu.haven.core.policy.DenyReason;
import eu.haven.core.policy.PolicyEngine;
import eu.haven.core.policy.ReferralFacts;
import eu.haven.core.staff.Actor;
import eu.haven.event.AccessEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one gate in front of people's data: gathers the facts, asks the policy engine, writes the
 * access event durably, and only then lets the caller go on. A refusal becomes a
 * {@link HavenException} with the deny reason's error code.
 */
public final class AccessGuard {
    private final PolicyEngine engine;
    private final AccessLog log;
    private final PersonFactsRepository facts;
    private final Clock clock;
    private final MeterRegistry metrics;
    /** The decision counters by reason ("none" for a permit), looked up once each. */
    private final java.util.Map<String, io.micrometer.core.instrument.Counter> decisions =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final io.micrometer.core.instrument.Counter firewallRefusals;

    public AccessGuard(PolicyEngine engine, AccessLog log, PersonFactsRepository facts, Clock clock,
                       MeterRegistry metrics) {
        this.engine = engine;
        this.log = log;
        this.facts = facts;
        this.clock = clock;
        this.metrics = metrics;
        this.firewallRefusals = metrics.counter("haven.firewall.refusals");
    }

    public Framework framework() {
        return engine.framework();
    }

    public Clock clock() {
        return clock;
    }

    /** What a permitted access may see, and the index of its event in the access log. */
    public record Granted(Decision.Permit permit, long eventIndex) {}

    /** Decides an access to an existing person (or, for {@code CREATE_PERSON}, a new one). */
    public Granted check(Actor actor, Action action, RequestedPurpose purpose, UUID personId, long asked,
                         Optional<UUID> target) {
        return check(actor, action, purpose, personId, asked, target, Optional::empty);
    }

    /**
     * As {@link #check(Actor, Action, RequestedPurpose, UUID, long, Optional)}, with a further
     * condition of the operation itself (a consent that must cover a referral, say), looked at only
     * once the policy engine permits; its refusal is recorded as the decision.
     */
    public Granted check(Actor actor, Action action, RequestedPurpose purpose, UUID personId, long asked,
                         Optional<UUID> target, java.util.function.Supplier<Optional<DenyReason>> condition) {
        Instant now = clock.instant();
        Decided d = decide(actor, action, purpose, personId, asked, now, condition);
        long index = record(actor, action, purpose, d.subject(), d.categories(), d.decision(), target, now);
        if (d.decision() instanceof Decision.Deny deny) {
            throw new HavenException(deny.reason().error(), deny.reason().message());
        }
        return new Granted((Decision.Permit) d.decision(), index);
    }

    /** A decision not yet recorded: the decision, the person it is about (none when nobody exists), the categories to record. */
    private record Decided(Decision decision, Optional<UUID> subject, long categories) {}

    private Decided decide(Actor actor, Action action, RequestedPurpose purpose, UUID personId, long asked, Instant now,
                           java.util.function.Supplier<Optional<DenyReason>> condition) {
        boolean creating = action == Action.CREATE_PERSON;
        Optional<AccessRequest> known = creating ? Optional.empty() : facts.find(personId)
            .map(f -> purpose.firewall() || purpose.problem().isPresent() ? request(actor, action, purpose, false, asked, List.of(), List.of(), now)
                : withFacts(actor, action, purpose, f, asked, now));
        boolean exists = creating || known.isPresent();
        AccessRequest request = known.orElseGet(() -> request(actor, action, purpose, false, asked, List.of(), List.of(), now));
        Decision decision = engine.decide(request);
        if (decision.permitted()) {
            Optional<DenyReason> refused = condition.get();
            if (refused.isPresent()) {
                decision = new Decision.Deny(refused.get());
            }
        }
        Optional<UUID> subject = exists ? Optional.of(personId) : Optional.empty();
        long categories = decision instanceof Decision.Permit p ? p.anyCategories() : asked;
        return new Decided(decision, subject, categories);
    }

    /**
     * Refuses an operation on an item that exists but is not the actor's (another organisation's
     * referral or request): the refusal is decided and recorded like any other, then answers 404.
     */
    public HavenException refuse(Actor actor, Action action, RequestedPurpose purpose, UUID personId, Optional<UUID> target) {
        check(actor, action, purpose, personId, framework().allCategories(), target, () -> Optional.of(DenyReason.NO_RELATIONSHIP));
        return HavenException.notFound();
    }

    /**
     * Answers an id that names nothing (no such consent, referral or request) exactly as one that
     * names another's: decided as for a person nobody works with, recorded without a person, and
     * refused the same way (404, or the firewall's or the purpose's own refusal). Status, body and
     * the work done, a ledger append included, do not tell whether the id exists.
     */
    public HavenException unknown(Actor actor, Action action, RequestedPurpose purpose, Optional<UUID> target) {
        check(actor, action, purpose, eu.haven.core.crypto.Randomness.uuid(), framework().allCategories(), target,
            () -> Optional.of(DenyReason.NO_RELATIONSHIP));
        return HavenException.notFound();
    }

    /** The reason recorded when a permitted operation could not be carried out. */
    public static final String NOT_COMPLETED = "not-completed";

    /**
     * Carries out a permitted operation. Should it fail (the database refuses the write, say), the
     * failure is recorded after the permit, as a refusal with reason {@code not-completed}, so that
     * the ledger and the person's history never show as done what did not happen; then the
     * failure goes on to the caller.
     */
    public void complete(Actor actor, Action action, RequestedPurpose purpose, UUID personId, Optional<UUID> target, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException failed) {
            log.append(staffEvent(actor, action, purpose, Optional.of(personId), java.util.Set.of(), Optional.of(NOT_COMPLETED), target,
                clock.instant()));
            throw failed;
        }
    }

    /** Refusals that depend on the person: the item is left out of a queue, the rest is listed. */
    private static final java.util.Set<eu.haven.core.error.ErrorCode> PER_PERSON = java.util.EnumSet.of(
        eu.haven.core.error.ErrorCode.NOT_FOUND, eu.haven.core.error.ErrorCode.NO_CONSENT,
        eu.haven.core.error.ErrorCode.CONSENT_WITHDRAWN, eu.haven.core.error.ErrorCode.CONSENT_EXPIRED);

    /**
     * Decides what does not depend on any one person (the firewall, the purpose, the role) before
     * anyone's data is opened for a list: a refusal is recorded without a person and thrown.
     */
    public void checkWithoutPerson(Actor actor, Action action, RequestedPurpose purpose, long asked) {
        Instant now = clock.instant();
        Decision decision = engine.decide(request(actor, action, purpose, false, asked, List.of(), List.of(), now));
        if (decision instanceof Decision.Deny deny && deny.reason() != DenyReason.NO_RELATIONSHIP) {
            record(actor, action, purpose, Optional.empty(), 0, decision, Optional.empty(), now);
            throw new HavenException(deny.reason().error(), deny.reason().message());
        }
    }

    /**
     * The items of a queue (referrals, correction, erasure or code requests) the actor may see:
     * listing each person is decided and recorded (action {@code list}). A refusal that does not
     * depend on the person (the firewall, the purpose, the role) is recorded for every one of them
     * and then thrown; with nobody in the queue it is decided, and recorded when refused, without a
     * person.
     */
    public <T> List<T> visible(Actor actor, RequestedPurpose purpose, List<T> items, java.util.function.Function<T, UUID> person) {
        if (items.isEmpty()) {
            checkWithoutPerson(actor, Action.LIST, purpose, framework().allCategories());
            return List.of();
        }
        // Every person is decided first, then all the events are appended together and waited for
        // once: one durable batch instead of a commit per person, and nothing shown before it is in.
        java.util.Set<UUID> permitted = new java.util.HashSet<>();
        HavenException general = null;
        Instant now = clock.instant();
        List<UUID> ids = List.copyOf(new java.util.LinkedHashSet<>(items.stream().map(person).toList()));
        List<Decided> decided = ids.stream().map(id -> decide(actor, Action.LIST, purpose, id, framework().allCategories(), now,
            Optional::empty)).toList();
        log.appendAll(decided.stream().map(d -> event(actor, Action.LIST, purpose, d.subject(), d.categories(), d.decision(),
            Optional.empty(), now)).toList());
        for (int i = 0; i < ids.size(); i++) {
            if (decided.get(i).decision() instanceof Decision.Deny deny) {
                if (!PER_PERSON.contains(deny.reason().error()) && general == null) {
                    general = new HavenException(deny.reason().error(), deny.reason().message());
                }
            } else {
                permitted.add(ids.get(i));
            }
        }
        if (general != null) {
            throw general;
        }
        return items.stream().filter(i -> permitted.contains(person.apply(i))).toList();
    }

    /**
     * The organisations that owe the person an answer to a correction or erasure request: those
     * with a relationship of their own, and those that accepted a referral (whatever became of its
     * consent since).
     */
    public java.util.Set<String> answerable(UUID personId) {
        java.util.Set<String> out = new java.util.HashSet<>();
        facts.find(personId).ifPresent(f -> {
            out.addAll(f.organisations());
            f.referrals().stream().filter(r -> r.status() == ReferralFacts.Status.ACCEPTED).forEach(r -> out.add(r.to()));
        });
        return out;
    }

    /** The request with what is known of the person: consents, referrals, the own relationship. */
    private AccessRequest withFacts(Actor actor, Action action, RequestedPurpose purpose, PersonFacts person, long asked,
                                    Instant now) {
        List<ConsentFacts> consents = new ArrayList<>(person.consents().size());
        for (ConsentTerms c : person.consents()) {
            consents.add(c.facts(engine.framework().maskOf(c.categories())));
        }
        List<ReferralFacts> refs = person.referrals();
        boolean own = person.organisations().contains(actor.organisation());
        return request(actor, action, purpose, own, asked, consents, refs, now);
    }

    private AccessRequest request(Actor actor, Action action, RequestedPurpose purpose, boolean own, long asked,
                                  List<ConsentFacts> facts, List<ReferralFacts> refs, Instant now) {
        return new AccessRequest(actor.organisation(), actor.organisationType(), actor.role(), action, purpose,
            own, asked, facts, refs, now);
    }

    private long record(Actor actor, Action action, RequestedPurpose purpose, Optional<UUID> person, long categories,
                        Decision decision, Optional<UUID> target, Instant now) {
        return log.append(event(actor, action, purpose, person, categories, decision, target, now));
    }

    /** The event recording a decision (counted in the metrics as it is made). */
    private AccessEvent event(Actor actor, Action action, RequestedPurpose purpose, Optional<UUID> person, long categories,
                              Decision decision, Optional<UUID> target, Instant now) {
        Optional<String> reason = decision instanceof Decision.Deny d ? Optional.of(d.reason().code()) : Optional.empty();
        decisions.computeIfAbsent(reason.orElse("none"), r -> metrics.counter("haven.access.decisions", "decision",
            decision.permitted() ? "permit" : "deny", "reason", r)).increment();
        if (reason.filter("firewall"::equals).isPresent()) {
            firewallRefusals.increment();
        }
        return staffEvent(actor, action, purpose, person, engine.framework().categoryCodes(categories), reason, target, now);
    }

    /** The staff member's event: permitted unless a refusal {@code reason} is given. */
    private static AccessEvent staffEvent(Actor actor, Action action, RequestedPurpose purpose, Optional<UUID> person,
                                          java.util.Set<String> categories, Optional<String> reason, Optional<UUID> target, Instant now) {
        return new AccessEvent(Randomness.uuid(), now, Optional.of(actor.userId()), Optional.of(actor.organisation()),
            Optional.of(actor.role().code()), action.code(), purpose.recorded(), person, categories, reason.isEmpty(), reason, target);
    }
}
