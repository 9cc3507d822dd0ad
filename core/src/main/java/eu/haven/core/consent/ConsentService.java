package eu.haven.core.consent;

import eu.haven.core.access.AccessGuard;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Sealer;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.framework.Purpose;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.framework.Retention;
import eu.haven.core.error.Validation;
import eu.haven.core.policy.Action;
import eu.haven.core.policy.DenyReason;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.OrganisationRepository;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records consent given by a person (through a caseworker) for their data held by the caseworker's
 * organisation to go to another organisation, and its withdrawal, which takes effect at once.
 */
public final class ConsentService {
    private static final String GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";
    /** The longest a consent may be given for. */
    static final java.time.Duration MAX_VALIDITY = java.time.Duration.ofDays(10 * 365);

    private final AccessGuard guard;
    private final ConsentRepository consents;
    private final OrganisationRepository organisations;
    private final Guardianship guardianship;
    private final PersonKeys keys;

    public ConsentService(AccessGuard guard, ConsentRepository consents, OrganisationRepository organisations,
                          Guardianship guardianship, PersonKeys keys) {
        this.keys = keys;
        this.guard = guard;
        this.guardianship = guardianship;
        this.consents = consents;
        this.organisations = organisations;
    }

    public Consent give(Actor actor, RequestedPurpose purpose, UUID personId, NewConsent input) {
        Framework framework = guard.framework();
        Organisation recipient = organisations.find(Validation.text(input.recipient(), "recipient", 64))
            .orElseThrow(() -> new HavenException(ErrorCode.UNKNOWN_ORGANISATION, "'recipient' is not a known organisation."));
        if (recipient.id().equals(actor.organisation())) {
            throw HavenException.invalid("'recipient' must be another organisation than your own.");
        }
        List<Purpose> purposes = purposes(framework, input.purposes());
        List<String> categories = distinct(input.categories(), "categories");
        long mask = framework.maskOf(categories);
        CollectionMethod method = CollectionMethod.parse(Validation.text(input.method(), "method", 20))
            .orElseThrow(() -> HavenException.invalid("'method' must be one of verbal, written, electronic, guardian."));
        String language = Validation.language(input.language(), "language");
        Optional<NewConsent.Guardian> guardian = guardian(method, input.guardian());
        Instant now = guard.clock().instant();
        input.expiresAt().filter(e -> !e.isAfter(now) || e.isAfter(now.plus(MAX_VALIDITY))).ifPresent(e -> {
            throw HavenException.invalid("'expiresAt' must lie in the future, and at most " + MAX_VALIDITY.toDays() / 365 + " years ahead.");
        });
        boolean special = framework.categories().stream().anyMatch(c -> c.special() && (mask & c.mask()) != 0);
        Optional<OrganisationType> recipientType = framework.organisationType(recipient.type());
        UUID id = UUID.randomUUID();
        guard.check(actor, Action.CONSENT, purpose, personId, framework.allCategories(), Optional.of(id), () -> {
            if (purposes.stream().anyMatch(Purpose::firewall) || recipientType.map(OrganisationType::enforcement).orElse(true)) {
                return Optional.of(DenyReason.FIREWALL);
            }
            if (method != CollectionMethod.GUARDIAN && guardianship.child(personId)) {
                return Optional.of(DenyReason.GUARDIAN_CONSENT_REQUIRED);
            }
            boolean granted = purposes.stream().allMatch(p -> framework.grantMask(recipient.type(), p) != 0);
            if (!granted) {
                return Optional.of(DenyReason.PURPOSE_NOT_ALLOWED);
            }
            long receivable = purposes.stream().mapToLong(p -> framework.grantMask(recipient.type(), p)).reduce(0L, (a, b) -> a | b);
            return (mask & ~receivable) == 0 ? Optional.empty() : Optional.of(DenyReason.CATEGORY_NOT_ALLOWED);
        });
        List<String> basis = new ArrayList<>(List.of(GDPR + "A6-1-a"));
        if (special) {
            basis.add(GDPR + "A9-2-a");
        }
        Consent consent = new Consent(id, Consent.SCHEMA_VERSION, personId, actor.organisation(), recipient.id(),
            purposes.stream().map(Purpose::code).toList(), categories, basis, special, language, method,
            info(framework, "privacyNotice", "the framework " + framework.id() + " " + framework.version()),
            info(framework, "jurisdiction", "EU"), retention(purposes),
            info(framework, "storageLocation", "this Haven installation"),
            info(framework, "withdrawal", "Ask any caseworker of either organisation, or use your access code."),
            now, input.expiresAt(), Optional.empty(), actor.userId(), Optional.empty(), guardian.map(NewConsent.Guardian::relationship),
            guardian.map(g -> Sealer.seal(keys.find(personId).orElseThrow(HavenException::notFound), guardianAad(id),
                g.name().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        guard.complete(actor, Action.CONSENT, purpose, personId, Optional.of(id), () -> consents.insert(consent));
        return consent;
    }

    /** Withdraws at once. Any organisation working with the person may register a withdrawal. */
    public Consent withdraw(Actor actor, RequestedPurpose purpose, UUID consentId) {
        Consent consent = consents.find(consentId)
            .orElseThrow(() -> guard.unknown(actor, Action.RECORD_WITHDRAWAL, purpose, Optional.of(consentId)));
        guard.check(actor, Action.RECORD_WITHDRAWAL, purpose, consent.personId(), guard.framework().allCategories(),
            Optional.of(consentId));
        Instant now = guard.clock().instant();
        guard.complete(actor, Action.RECORD_WITHDRAWAL, purpose, consent.personId(), Optional.of(consentId),
            () -> consents.withdraw(consentId, now, Optional.of(actor.organisation())));
        return consents.find(consentId).orElse(consent.withdrawn(now, Optional.of(actor.organisation())));
    }

    /** The person's consents that concern the actor's organisation, as giver or as recipient. */
    public List<Consent> list(Actor actor, RequestedPurpose purpose, UUID personId) {
        guard.check(actor, Action.READ, purpose, personId, guard.framework().allCategories(), Optional.empty());
        return consents.forPerson(personId).stream()
            .filter(c -> c.controller().equals(actor.organisation()) || c.recipient().equals(actor.organisation()))
            .toList();
    }

    /** A guardian's consent names the guardian; no other consent does. */
    private static Optional<NewConsent.Guardian> guardian(CollectionMethod method, Optional<NewConsent.Guardian> given) {
        if (method != CollectionMethod.GUARDIAN) {
            if (given.isPresent()) {
                throw HavenException.invalid("'guardian' is only for a consent given by a guardian (method 'guardian').");
            }
            return Optional.empty();
        }
        NewConsent.Guardian g = given.orElseThrow(() -> HavenException.invalid(
            "A consent given by a guardian needs 'guardian': {\"name\", \"relationship\"}."));
        String name = Validation.text(g.name(), "guardian.name", 200);
        String relationship = Optional.ofNullable(g.relationship()).filter(NewConsent.RELATIONSHIPS::contains).orElseThrow(() ->
            HavenException.invalid("'guardian.relationship' must be one of " + String.join(", ", NewConsent.RELATIONSHIPS) + "."));
        return Optional.of(new NewConsent.Guardian(name, relationship));
    }

    /** The guardian's name, opened with the person's key. */
    public static Optional<String> guardianName(javax.crypto.SecretKey key, Consent c) {
        return c.sealedGuardianName().map(s -> new String(Sealer.open(key, guardianAad(c.id()), s), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] guardianAad(UUID consentId) {
        return ("consent-guardian/" + consentId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Instant now() {
        return guard.clock().instant();
    }

    private static List<Purpose> purposes(Framework framework, List<String> codes) {
        List<Purpose> out = new ArrayList<>();
        for (String code : distinct(codes, "purposes")) {
            out.add(framework.purposeByCode(code).orElseThrow(() -> new HavenException(ErrorCode.UNKNOWN_PURPOSE,
                "'purposes' names a purpose the framework does not define.")));
        }
        return out;
    }

    private static List<String> distinct(List<String> values, String field) {
        if (values == null || values.isEmpty()) {
            throw HavenException.invalid("'" + field + "' must name at least one entry.");
        }
        if (values.size() > 64) {
            throw HavenException.invalid("'" + field + "' has too many entries.");
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static String retention(List<Purpose> purposes) {
        return purposes.stream().map(Purpose::retention).flatMap(Optional::stream).map(Retention::period)
            .max(ConsentService::compare).map(Period::toString).orElse("until withdrawn");
    }

    private static int compare(Period a, Period b) {
        return Long.compare(a.toTotalMonths() * 31 + a.getDays(), b.toTotalMonths() * 31 + b.getDays());
    }

    private static String info(Framework framework, String field, String fallback) {
        return framework.document().map(d -> d.path(field).asText("")).filter(s -> !s.isBlank()).orElse(fallback);
    }
}
