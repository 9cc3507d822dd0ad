package eu.haven.core.correction;

import eu.haven.core.access.AccessGuard;
import eu.haven.core.access.Recorder;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Sealer;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.error.Validation;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.Action;
import eu.haven.core.record.RecordRepository;
import eu.haven.core.person.Self;
import eu.haven.core.staff.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Art. 16 rectification: the person says what is wrong; the request lands in the holding
 * organisation's queue; a caseworker corrects the record or answers; the person sees the status.
 */
public final class CorrectionService {
    public static final int MAX_TEXT = 4000;

    private final AccessGuard guard;
    private final Recorder recorder;
    private final CorrectionRepository corrections;
    private final RecordRepository records;
    private final PersonKeys keys;

    private final eu.haven.core.equality.OutcomeLog outcomes;

    /** {@code outcomes}: where requests and answers are counted for the equality body. */
    public CorrectionService(AccessGuard guard, Recorder recorder, CorrectionRepository corrections,
                             RecordRepository records, PersonKeys keys, eu.haven.core.equality.OutcomeLog outcomes) {
        this.outcomes = outcomes;
        this.guard = guard;
        this.recorder = recorder;
        this.corrections = corrections;
        this.records = records;
        this.keys = keys;
    }

    /** The person asks {@code organisation} to correct something, optionally naming the record. */
    public CorrectionView request(Self self, String organisation, Optional<UUID> recordId, String text) {
        UUID personId = self.personId();
        String org = Validation.text(organisation, "organisation", 64);
        String request = Validation.text(text, "text", MAX_TEXT);
        if (!guard.answerable(personId).contains(org)) {
            throw new HavenException(ErrorCode.UNKNOWN_ORGANISATION, "'organisation' does not hold data about you.");
        }
        recordId.ifPresent(r -> records.find(r).filter(rec -> rec.personId().equals(personId) && rec.organisation().equals(org))
            .orElseThrow(() -> HavenException.invalid("'recordId' is not a record this organisation holds about you.")));
        SecretKey key = keys.find(personId).orElseThrow(HavenException::notFound);
        UUID id = UUID.randomUUID();
        recorder.byPerson(personId, Action.REQUEST_CORRECTION, Set.of(), Optional.of(id));
        Instant now = recorder.clock().instant();
        corrections.insert(new Correction(id, personId, org, recordId, seal(key, id, "request", request),
            Correction.Status.OPEN, Optional.empty(), now, Optional.empty(), Optional.empty()));
        outcomes.record(personId, eu.haven.core.equality.Outcome.CORRECTION_REQUESTED, guard.clock().instant(), Optional.empty());
        return open(key, corrections.find(id).orElseThrow(HavenException::notFound));
    }

    /** The person's own requests, opened. */
    public List<CorrectionView> ofPerson(UUID personId, SecretKey key) {
        return corrections.forPerson(personId).stream().map(c -> open(key, c)).toList();
    }

    /** The actor's organisation's open requests: identifiers and dates only, no text. */
    public List<Correction> queue(Actor actor, RequestedPurpose purpose) {
        return guard.visible(actor, purpose, corrections.openFor(actor.organisation()), Correction::personId);
    }

    /** One request with its text; reading it is an access to the person's data, decided and recorded. */
    public CorrectionView show(Actor actor, RequestedPurpose purpose, UUID id) {
        Correction c = own(actor, purpose, Action.ANSWER_CORRECTION, id);
        guard.check(actor, Action.ANSWER_CORRECTION, purpose, c.personId(), guard.framework().allCategories(), Optional.of(id));
        return open(keys.find(c.personId()).orElseThrow(HavenException::notFound), c);
    }

    /** Closes a request: {@code corrected} once the record was corrected, or {@code answered} with a reply. */
    public CorrectionView answer(Actor actor, RequestedPurpose purpose, UUID id, String status, String text) {
        Correction.Status outcome = switch (Optional.ofNullable(status).orElse("")) {
            case "corrected" -> Correction.Status.CORRECTED;
            case "answered" -> Correction.Status.ANSWERED;
            default -> throw HavenException.invalid("'status' must be 'corrected' or 'answered'.");
        };
        String answer = Validation.text(text, "answer", MAX_TEXT);
        Correction c = own(actor, purpose, Action.ANSWER_CORRECTION, id);
        if (c.status() != Correction.Status.OPEN) {
            throw new HavenException(ErrorCode.CONFLICT, "This request was already answered.");
        }
        guard.check(actor, Action.ANSWER_CORRECTION, purpose, c.personId(), guard.framework().allCategories(), Optional.of(id));
        SecretKey key = keys.find(c.personId()).orElseThrow(HavenException::notFound);
        if (!corrections.answer(id, outcome, seal(key, id, "answer", answer), guard.clock().instant(), actor.userId())) {
            throw new HavenException(ErrorCode.CONFLICT, "This request was answered meanwhile.");
        }
        Instant answeredAt = guard.clock().instant();
        outcomes.record(c.personId(), eu.haven.core.equality.Outcome.CORRECTION_ANSWERED, answeredAt,
            Optional.of(java.time.Duration.between(c.createdAt(), answeredAt)));
        return open(key, corrections.find(id).orElseThrow(HavenException::notFound));
    }

    /** The request, when it is addressed to the actor's organisation; another's is a recorded refusal. */
    private Correction own(Actor actor, RequestedPurpose purpose, Action action, UUID id) {
        Correction c = corrections.find(id).orElseThrow(() -> guard.unknown(actor, action, purpose, Optional.of(id)));
        if (!c.organisation().equals(actor.organisation())) {
            throw guard.refuse(actor, action, purpose, c.personId(), Optional.of(id));
        }
        return c;
    }

    private static CorrectionView open(SecretKey key, Correction c) {
        return new CorrectionView(c.id(), c.personId(), c.organisation(), c.recordId(),
            text(key, c.id(), "request", c.sealedRequest()), c.status(),
            c.sealedAnswer().map(a -> text(key, c.id(), "answer", a)), c.createdAt(), c.answeredAt());
    }

    private static byte[] seal(SecretKey key, UUID id, String part, String text) {
        return Sealer.seal(key, aad(id, part), text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(SecretKey key, UUID id, String part, byte[] sealed) {
        return new String(Sealer.open(key, aad(id, part), sealed), StandardCharsets.UTF_8);
    }

    private static byte[] aad(UUID id, String part) {
        return ("correction/" + id + "/" + part).getBytes(StandardCharsets.UTF_8);
    }
}
