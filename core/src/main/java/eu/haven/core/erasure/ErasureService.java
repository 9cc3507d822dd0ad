package eu.haven.core.erasure;

import eu.haven.core.access.AccessGuard;
import eu.haven.core.access.Recorder;
import eu.haven.core.audit.AccessLog;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Sealer;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.error.Validation;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.Purpose;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.framework.Retention;
import eu.haven.core.person.PersonRepository;
import eu.haven.core.person.PersonSessionRepository;
import eu.haven.core.policy.Action;
import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import eu.haven.core.person.Self;
import eu.haven.core.staff.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Art. 17 erasure. Records held for purposes whose retention names no legal obligation go at once;
 * an organisation holding records under an obligation must confirm first, and the person sees the
 * obligation as the reason. When nothing is left the person is erased: their data key is destroyed
 * (crypto-shredding, so even old database backups cannot be read), their rows are deleted, their
 * access code stops working, and the openings of their ledger events are erased while the public
 * entries stay and still verify.
 */
public final class ErasureService {
    private final AccessGuard guard;
    private final Recorder recorder;
    private final AccessLog log;
    private final ErasureRepository erasures;
    private final RecordRepository records;
    private final PersonRepository persons;
    private final PersonSessionRepository sessions;
    private final PersonKeys keys;

    public ErasureService(AccessGuard guard, Recorder recorder, AccessLog log, ErasureRepository erasures,
                          RecordRepository records, PersonRepository persons, PersonSessionRepository sessions,
                          PersonKeys keys) {
        this.guard = guard;
        this.recorder = recorder;
        this.log = log;
        this.erasures = erasures;
        this.records = records;
        this.persons = persons;
        this.sessions = sessions;
        this.keys = keys;
    }

    /** The person asks, with their access code. */
    public ErasureOutcome request(Self self) {
        UUID personId = self.personId();
        SecretKey key = keys.find(personId).orElseThrow(HavenException::notFound);
        recorder.byPerson(personId, Action.REQUEST_ERASURE, all(), Optional.empty());
        return proceed(personId, key);
    }

    /**
     * An organisation ends its own records about the person (each deletion recorded). It cannot
     * erase the person, nor touch what other organisations hold: that is the person's own request.
     * Returns how many records ended.
     */
    public int endOwnRecords(Actor actor, RequestedPurpose purpose, UUID personId) {
        guard.check(actor, Action.ERASE, purpose, personId, guard.framework().allCategories(), Optional.empty());
        int held = (int) records.forPerson(personId).stream().filter(r -> r.organisation().equals(actor.organisation())).count();
        if (held == 0) {
            throw new HavenException(ErrorCode.CONFLICT, "Your organisation holds no records about this person. "
                + "Erasing the person is the person's own request, answered by every organisation that holds data.");
        }
        deleteHeldBy(personId, actor.organisation());
        return held;
    }

    private ErasureOutcome proceed(UUID personId, SecretKey key) {
        Map<String, TreeSet<String>> obligations = new LinkedHashMap<>();
        for (CaseRecord r : records.forPerson(personId)) {
            TreeSet<String> reasons = obligations.computeIfAbsent(r.organisation(), o -> new TreeSet<>());
            obligation(guard.framework(), r.purpose()).ifPresent(reasons::add);
        }
        Instant now = guard.clock().instant();
        for (Map.Entry<String, TreeSet<String>> held : obligations.entrySet()) {
            if (held.getValue().isEmpty()) {
                deleteHeldBy(personId, held.getKey());
            } else {
                erasures.insertIfAbsent(new ErasureRequest(personId, held.getKey(), String.join(" ", held.getValue()),
                    ErasureRequest.Status.PENDING, Optional.empty(), now, Optional.empty()));
            }
        }
        return finishIfDone(personId, key);
    }

    private static Optional<String> obligation(Framework framework, String purposeCode) {
        return framework.purposeByCode(purposeCode).flatMap(Purpose::retention).flatMap(Retention::obligation);
    }

    /** Erasure requests waiting for the actor's organisation. */
    public List<ErasureRequest> queue(Actor actor, RequestedPurpose purpose) {
        return guard.visible(actor, purpose, erasures.pendingFor(actor.organisation()), ErasureRequest::personId);
    }

    /** The organisation confirms: its records about the person go, and the person too if nothing is left. */
    public ErasureOutcome confirm(Actor actor, RequestedPurpose purpose, UUID personId) {
        pending(actor, personId);
        guard.check(actor, Action.ANSWER_ERASURE, purpose, personId, guard.framework().allCategories(), Optional.empty());
        SecretKey key = keys.find(personId).orElseThrow(HavenException::notFound);
        deleteHeldBy(personId, actor.organisation());
        erasures.delete(personId, actor.organisation());
        return finishIfDone(personId, key);
    }

    /** The organisation keeps the records under its obligation and tells the person why. */
    public ErasureView decline(Actor actor, RequestedPurpose purpose, UUID personId, String answer) {
        String text = Validation.text(answer, "answer", 4000);
        pending(actor, personId);
        guard.check(actor, Action.ANSWER_ERASURE, purpose, personId, guard.framework().allCategories(), Optional.empty());
        SecretKey key = keys.find(personId).orElseThrow(HavenException::notFound);
        erasures.decline(personId, actor.organisation(), Sealer.seal(key, aad(personId, actor.organisation()),
            text.getBytes(StandardCharsets.UTF_8)), guard.clock().instant());
        return erasures.find(personId, actor.organisation()).map(e -> open(key, e)).orElseThrow(HavenException::notFound);
    }

    /** The person's waiting and declined requests, opened. */
    public List<ErasureView> ofPerson(UUID personId, SecretKey key) {
        return erasures.forPerson(personId).stream().map(e -> open(key, e)).toList();
    }

    private void pending(Actor actor, UUID personId) {
        ErasureRequest e = erasures.find(personId, actor.organisation()).orElseThrow(HavenException::notFound);
        if (e.status() != ErasureRequest.Status.PENDING) {
            throw new HavenException(ErrorCode.CONFLICT, "This erasure request was already answered.");
        }
    }

    private void deleteHeldBy(UUID personId, String organisation) {
        recorder.bySystem(personId, Action.ERASED, Recorder.RIGHTS, all(), Optional.empty());
        records.deleteHeldBy(personId, organisation);
    }

    private ErasureOutcome finishIfDone(UUID personId, SecretKey key) {
        List<ErasureRequest> left = erasures.forPerson(personId);
        if (left.isEmpty() && records.forPerson(personId).isEmpty()) {
            eraseNow(personId);
            return new ErasureOutcome(true, List.of());
        }
        return new ErasureOutcome(false, left.stream().map(e -> open(key, e)).toList());
    }

    /**
     * Erases the person for good: first the event goes to the ledger, then the key is destroyed
     * (from then on nothing sealed for the person can be read, wherever a copy lies), then the rows
     * and the openings of the person's ledger events.
     */
    public void eraseNow(UUID personId) {
        recorder.bySystem(personId, Action.ERASED, Recorder.RIGHTS, all(), Optional.empty());
        keys.destroy(personId);
        sessions.deleteForPerson(personId);
        persons.delete(personId);
        log.forget(personId);
    }

    private static ErasureView open(SecretKey key, ErasureRequest e) {
        return new ErasureView(e.personId(), e.organisation(), e.reason(), e.status(),
            e.sealedAnswer().map(a -> new String(Sealer.open(key, aad(e.personId(), e.organisation()), a), StandardCharsets.UTF_8)),
            e.requestedAt(), e.answeredAt());
    }

    private static byte[] aad(UUID personId, String organisation) {
        return ("erasure/" + personId + "/" + organisation).getBytes(StandardCharsets.UTF_8);
    }

    /** All the framework's category codes, as recorded for a whole-person action. */
    private java.util.Set<String> all() {
        return guard.framework().categoryCodes(guard.framework().allCategories());
    }
}
