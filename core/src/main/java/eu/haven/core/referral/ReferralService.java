package eu.haven.core.referral;

import eu.haven.core.access.AccessGuard;
import eu.haven.core.consent.Consent;
import eu.haven.core.consent.CollectionMethod;
import eu.haven.core.consent.ConsentRepository;
import eu.haven.core.consent.Guardianship;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Sealer;
import eu.haven.core.error.Validation;
import java.nio.charset.StandardCharsets;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.framework.Purpose;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.Action;
import eu.haven.core.policy.ConsentFacts.ConsentStatus;
import eu.haven.core.policy.DenyReason;
import eu.haven.core.policy.ReferralFacts.Status;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.OrganisationRepository;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Referrals: organisation A refers a person to B for a purpose and categories, backed by a consent
 * from A to B that covers them; B accepts (which gives it a relationship) or declines.
 */
public final class ReferralService {
    private final AccessGuard guard;
    private final ReferralRepository referrals;
    private final ConsentRepository consents;
    private final OrganisationRepository organisations;
    private final Guardianship guardianship;
    private final PersonKeys keys;

    private final eu.haven.core.equality.OutcomeLog outcomes;

    private final eu.haven.core.record.CaseloadIndex caseload;

    /**
     * {@code outcomes}: where referrals made and answered are counted for the equality body; {@code caseload}: indexes
     * the name of a person whose referral is accepted for the receiving organisation's caseload.
     */
    public ReferralService(AccessGuard guard, ReferralRepository referrals, ConsentRepository consents,
                           OrganisationRepository organisations, Guardianship guardianship, PersonKeys keys,
                           eu.haven.core.equality.OutcomeLog outcomes, eu.haven.core.record.CaseloadIndex caseload) {
        this.caseload = caseload;
        this.outcomes = outcomes;
        this.keys = keys;
        this.guard = guard;
        this.guardianship = guardianship;
        this.referrals = referrals;
        this.consents = consents;
        this.organisations = organisations;
    }

    public Referral refer(Actor actor, RequestedPurpose purpose, NewReferral input) {
        Framework framework = guard.framework();
        if (input.personId() == null || input.consentId() == null) {
            throw HavenException.invalid("'personId' and 'consentId' are required.");
        }
        Organisation to = organisations.find(Validation.text(input.to(), "to", 64))
            .orElseThrow(() -> new HavenException(ErrorCode.UNKNOWN_ORGANISATION, "'to' is not a known organisation."));
        if (to.id().equals(actor.organisation())) {
            throw HavenException.invalid("'to' must be another organisation than your own.");
        }
        Purpose referralPurpose = framework.purposeByCode(Validation.text(input.purpose(), "purpose", 100))
            .orElseThrow(() -> new HavenException(ErrorCode.UNKNOWN_PURPOSE, "'purpose' is not a purpose of the framework."));
        if (input.categories() == null || input.categories().isEmpty()) {
            throw HavenException.invalid("'categories' must name at least one category.");
        }
        List<String> categories = List.copyOf(new LinkedHashSet<>(input.categories()));
        framework.maskOf(categories);
        Optional<Consent> consent = consents.find(input.consentId()).filter(c -> c.personId().equals(input.personId()));
        Instant now = guard.clock().instant();
        UUID id = UUID.randomUUID();
        guard.check(actor, Action.REFER, purpose, input.personId(), framework.allCategories(), Optional.of(id), () -> {
            if (referralPurpose.firewall() || framework.organisationType(to.type()).map(OrganisationType::enforcement).orElse(true)) {
                return Optional.of(DenyReason.FIREWALL);
            }
            if (framework.grantMask(to.type(), referralPurpose) == 0) {
                return Optional.of(DenyReason.PURPOSE_NOT_ALLOWED);
            }
            Optional<DenyReason> problem = consentProblem(consent, actor, to, referralPurpose, categories, framework, now);
            if (problem.isEmpty() && consent.get().method() != CollectionMethod.GUARDIAN && guardianship.child(input.personId())) {
                return Optional.of(DenyReason.GUARDIAN_CONSENT_REQUIRED);
            }
            return problem;
        });
        Referral referral = new Referral(id, input.personId(), actor.organisation(), to.id(), referralPurpose.code(),
            categories, input.consentId(), Status.PENDING, now, actor.userId(), Optional.empty(), Optional.empty());
        guard.complete(actor, Action.REFER, purpose, referral.personId(), Optional.of(referral.id()), () -> referrals.insert(referral));
        outcomes.record(referral.personId(), eu.haven.core.equality.Outcome.REFERRAL_MADE, referral.createdAt(), Optional.empty());
        return referral;
    }

    private static Optional<DenyReason> consentProblem(Optional<Consent> found, Actor actor, Organisation to, Purpose purpose,
                                                       List<String> categories, Framework framework, Instant now) {
        if (found.isEmpty()) {
            return Optional.of(DenyReason.NO_CONSENT);
        }
        Consent c = found.get();
        ConsentStatus status = c.status(now);
        if (status == ConsentStatus.WITHDRAWN) {
            return Optional.of(DenyReason.CONSENT_WITHDRAWN);
        }
        if (status == ConsentStatus.EXPIRED) {
            return Optional.of(DenyReason.CONSENT_EXPIRED);
        }
        boolean covers = status == ConsentStatus.LIVE && c.controller().equals(actor.organisation())
            && c.recipient().equals(to.id()) && c.purposes().contains(purpose.code())
            && c.categories().containsAll(categories);
        return covers ? Optional.empty() : Optional.of(DenyReason.NO_CONSENT);
    }

    public Referral accept(Actor actor, RequestedPurpose purpose, UUID referralId) {
        return respond(actor, purpose, referralId, Status.ACCEPTED, Optional.empty());
    }

    /** Declines, with the reason if one is given: sealed under the person's key, shown to them. */
    public Referral decline(Actor actor, RequestedPurpose purpose, UUID referralId, Optional<String> reason) {
        return respond(actor, purpose, referralId, Status.DECLINED,
            reason.filter(r -> !r.isBlank()).map(r -> Validation.text(r, "reason", 2000)));
    }

    /** Why the person's referrals were declined, by referral, opened with the person's key: one query for them all. */
    public static java.util.Map<UUID, String> declineReasons(ReferralRepository referrals, javax.crypto.SecretKey key, UUID personId) {
        java.util.Map<UUID, String> out = new java.util.HashMap<>();
        referrals.sealedDeclineReasons(personId).forEach((id, sealed) ->
            out.put(id, new String(Sealer.open(key, reasonAad(id), sealed), StandardCharsets.UTF_8)));
        return java.util.Map.copyOf(out);
    }

    private static byte[] reasonAad(UUID referralId) {
        return ("referral-decline/" + referralId).getBytes(StandardCharsets.UTF_8);
    }

    private Referral respond(Actor actor, RequestedPurpose purpose, UUID referralId, Status answer, Optional<String> reason) {
        Referral referral = referrals.find(referralId)
            .orElseThrow(() -> guard.unknown(actor, Action.RESPOND_REFERRAL, purpose, Optional.of(referralId)));
        if (!referral.to().equals(actor.organisation())) {
            throw guard.refuse(actor, Action.RESPOND_REFERRAL, purpose, referral.personId(), Optional.of(referralId));
        }
        if (referral.status() != Status.PENDING) {
            throw new HavenException(ErrorCode.CONFLICT, "This referral was already " + referral.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        guard.check(actor, Action.RESPOND_REFERRAL, purpose, referral.personId(), guard.framework().allCategories(),
            Optional.of(referralId));
        Instant now = guard.clock().instant();
        Optional<byte[]> sealed = reason.map(r -> Sealer.seal(keys.find(referral.personId()).orElseThrow(HavenException::notFound),
            reasonAad(referralId), r.getBytes(StandardCharsets.UTF_8)));
        if (!referrals.decide(referralId, answer, now, actor.userId(), sealed)) {
            throw new HavenException(ErrorCode.CONFLICT, "This referral was answered meanwhile.");
        }
        if (answer == Status.ACCEPTED) {
            caseload.reindex(actor.organisation(), referral.personId());
        }
        outcomes.record(referral.personId(), answer == Status.ACCEPTED ? eu.haven.core.equality.Outcome.REFERRAL_ACCEPTED
            : eu.haven.core.equality.Outcome.REFERRAL_DECLINED, now, Optional.of(java.time.Duration.between(referral.createdAt(), now)));
        return referrals.find(referralId).orElseThrow(HavenException::notFound);
    }

    /**
     * The people the actor's organisation works with by an accepted referral whose consent is still
     * live (newest first): listing them is a recorded access; one whose consent was withdrawn or has
     * expired is not listed, so nothing about them is read or recorded.
     */
    public List<Referral> acceptedFor(Actor actor, RequestedPurpose purpose) {
        java.time.Instant now = guard.clock().instant();
        List<Referral> live = referrals.acceptedBy(actor.organisation(), 200).stream()
            .filter(r -> consents.find(r.consentId()).filter(c -> c.status(now) == eu.haven.core.policy.ConsentFacts.ConsentStatus.LIVE)
                .isPresent()).toList();
        return guard.visible(actor, purpose, live, Referral::personId);
    }

    /** Referrals addressed to the actor's organisation that still wait for an answer; listing them is a recorded access. */
    public List<Referral> pendingFor(Actor actor, RequestedPurpose purpose) {
        return guard.visible(actor, purpose, referrals.pendingTo(actor.organisation()), Referral::personId);
    }
}
