package eu.haven.core.complaint;

import eu.haven.core.access.Recorder;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Sealer;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.error.Validation;
import eu.haven.core.person.Self;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * A person complains to the data protection officer from their portal, in their language; the
 * officer reads it (a recorded access), answers it, and may hand it over to the supervisory
 * authority or the equality body. Each step is recorded in the ledger about the person, so that it
 * appears in their history, and counted in the transparency report. The texts are sealed under the
 * person's key.
 */
public final class ComplaintService {
    private static final int TEXT_LIMIT = 4000;
    private final ComplaintRepository complaints;
    private final PersonKeys keys;
    private final Recorder recorder;

    public ComplaintService(ComplaintRepository complaints, PersonKeys keys, Recorder recorder) {
        this.complaints = complaints;
        this.keys = keys;
        this.recorder = recorder;
    }

    /** The person complains; recorded before it is kept. */
    public ComplaintView complain(Self self, String text, String language) {
        String t = Validation.text(text, "text", TEXT_LIMIT);
        SecretKey key = key(self.personId());
        UUID id = UUID.randomUUID();
        Instant now = recorder.clock().instant();
        recorder.byPerson(self.personId(), Action.COMPLAIN, Set.of(), Optional.of(id));
        Complaint c = new Complaint(id, self.personId(), now, language, seal(key, id, "text", t), Complaint.Status.OPEN, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());
        complaints.insert(c);
        return open(key, c);
    }

    /** The person's own complaints and their answers, newest first; recorded as the person viewing their data. */
    public List<ComplaintView> mine(Self self) {
        SecretKey key = key(self.personId());
        recorder.byPerson(self.personId(), Action.VIEW_OWN, Set.of(), Optional.empty());
        return complaints.forPerson(self.personId()).stream().map(c -> open(key, c)).toList();
    }

    /** The officer's queue: when each waiting complaint came and in which language; never who or what. */
    public List<Complaint> waiting(Actor officer) {
        requireOfficer(officer);
        return complaints.waiting(500);
    }

    /** The officer reads a complaint: an access to the person's data, recorded about them first. */
    public ComplaintView read(Actor officer, UUID id) {
        requireOfficer(officer);
        Complaint c = complaints.find(id).orElseThrow(HavenException::notFound);
        SecretKey key = key(c.personId());
        recorder.byStaff(officer, Action.READ_COMPLAINT, Recorder.RIGHTS, Optional.of(c.personId()), Set.of(), Optional.empty(), Optional.of(id));
        return open(key, c);
    }

    /** The officer answers; the person reads the answer in their portal. */
    public ComplaintView answer(Actor officer, UUID id, String text) {
        requireOfficer(officer);
        String t = Validation.text(text, "answer", TEXT_LIMIT);
        Complaint c = complaints.find(id).orElseThrow(HavenException::notFound);
        if (c.answer().isPresent()) {
            throw new HavenException(ErrorCode.CONFLICT, "This complaint was already answered.");
        }
        SecretKey key = key(c.personId());
        recorder.byStaff(officer, Action.ANSWER_COMPLAINT, Recorder.RIGHTS, Optional.of(c.personId()), Set.of(), Optional.empty(), Optional.of(id));
        complaints.answer(id, seal(key, id, "answer", t), recorder.clock().instant());
        return open(key, complaints.find(id).orElseThrow(HavenException::notFound));
    }

    /** The officer hands the complaint over to the supervisory authority or the equality body. */
    public ComplaintView handOver(Actor officer, UUID id, String body) {
        requireOfficer(officer);
        Complaint.Body to = Optional.ofNullable(body).flatMap(Complaint.Body::parse)
            .orElseThrow(() -> HavenException.invalid("body", "Hand over to supervisory-authority or equality-body."));
        Complaint c = complaints.find(id).orElseThrow(HavenException::notFound);
        if (c.handedTo().isPresent()) {
            throw new HavenException(ErrorCode.CONFLICT, "This complaint was already handed over.");
        }
        SecretKey key = key(c.personId());
        recorder.byStaff(officer, to == Complaint.Body.SUPERVISORY_AUTHORITY ? Action.HAND_TO_SUPERVISORY : Action.HAND_TO_EQUALITY_BODY,
            Recorder.RIGHTS, Optional.of(c.personId()), Set.of(), Optional.empty(), Optional.of(id));
        complaints.handOver(id, to, recorder.clock().instant());
        return open(key, complaints.find(id).orElseThrow(HavenException::notFound));
    }

    private SecretKey key(UUID personId) {
        return keys.find(personId).orElseThrow(HavenException::notFound);
    }

    private static ComplaintView open(SecretKey key, Complaint c) {
        return new ComplaintView(c.id(), c.createdAt(), c.language(), unseal(key, c.id(), "text", c.text()), c.status(),
            c.answer().map(a -> unseal(key, c.id(), "answer", a)), c.answeredAt(), c.handedTo(), c.handedAt());
    }

    private static byte[] seal(SecretKey key, UUID id, String part, String text) {
        return Sealer.seal(key, aad(id, part), text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unseal(SecretKey key, UUID id, String part, byte[] sealed) {
        return new String(Sealer.open(key, aad(id, part), sealed), StandardCharsets.UTF_8);
    }

    private static byte[] aad(UUID id, String part) {
        return ("complaint/" + id + "/" + part).getBytes(StandardCharsets.UTF_8);
    }


    private static void requireOfficer(Actor actor) {
        if (actor.role() != Role.DPO) {
            throw new HavenException(ErrorCode.ROLE, "Complaints go to the data protection officer.");
        }
    }
}
