package eu.haven.core.record;

import eu.haven.core.access.AccessGuard;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Category;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.Action;
import eu.haven.core.policy.Decision;
import eu.haven.core.staff.Actor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Writes and reads case records, each through the access guard. */
public final class RecordService {
    /** Largest record data accepted, in characters of JSON. */
    public static final int MAX_DATA = 256 * 1024;

    private final AccessGuard guard;
    private final RecordRepository records;
    private final PersonKeys keys;

    private final CaseloadIndex caseload;

    public RecordService(AccessGuard guard, RecordRepository records, PersonKeys keys, CaseloadIndex caseload) {
        this.caseload = caseload;
        this.guard = guard;
        this.records = records;
        this.keys = keys;
    }

    /** Adds a record; {@code json} is a JSON object already checked by the caller. */
    public UUID add(Actor actor, RequestedPurpose purpose, UUID personId, String category, String json) {
        Framework framework = guard.framework();
        long mask = framework.maskOf(List.of(category));
        UUID id = UUID.randomUUID();
        guard.check(actor, Action.WRITE, purpose, personId, mask, Optional.of(id));
        SecretKey key = keys.find(personId).orElseThrow(HavenException::notFound);
        CaseRecord record = new CaseRecord(id, personId, actor.organisation(), category, purpose.recorded(),
            Records.seal(key, id, personId, category, json), guard.clock().instant(), actor.userId());
        guard.complete(actor, Action.WRITE, purpose, personId, Optional.of(id), () -> records.insert(record));
        if (category.equals(CaseloadIndex.IDENTITY)) {
            caseload.reindex(actor.organisation(), personId);
        }
        return id;
    }

    /**
     * Corrects a record the actor's organisation holds: the new data replaces the old. Used to act on
     * a person's request for correction.
     */
    public void correct(Actor actor, RequestedPurpose purpose, UUID personId, UUID recordId, String json) {
        // Another organisation's record, or none: decided and recorded like any refusal (a role without case work gets 403), then 404.
        CaseRecord record = records.find(recordId)
            .filter(r -> r.personId().equals(personId) && r.organisation().equals(actor.organisation()))
            .orElseThrow(() -> guard.refuse(actor, Action.CORRECT, purpose, personId, Optional.of(recordId)));
        long mask = guard.framework().maskOf(List.of(record.category()));
        guard.check(actor, Action.CORRECT, purpose, personId, mask, Optional.of(recordId));
        SecretKey key = keys.find(personId).orElseThrow(HavenException::notFound);
        byte[] sealed = Records.seal(key, recordId, personId, record.category(), json);
        guard.complete(actor, Action.CORRECT, purpose, personId, Optional.of(recordId), () -> records.replaceData(recordId, sealed));
        if (record.category().equals(CaseloadIndex.IDENTITY)) {
            caseload.reindex(record.organisation(), personId);
        }
    }

    /** The records the policy lets this actor see, optionally only some categories. */
    public List<RecordView> list(Actor actor, RequestedPurpose purpose, UUID personId,
                                 Optional<Collection<String>> categories) {
        Framework framework = guard.framework();
        long asked = categories.map(framework::maskOf).orElse(framework.allCategories());
        Decision.Permit permit = guard.check(actor, Action.READ, purpose, personId, asked, Optional.empty()).permit();
        return visible(actor, permit, personId);
    }

    /**
     * The records a permit the access guard gave this actor for this person opens (for a reading
     * that decides once and then reads more than records, {@code casefile/CaseFileService}).
     */
    public List<RecordView> released(Actor actor, AccessGuard.Granted granted, UUID personId) {
        return visible(actor, granted.permit(), personId);
    }

    private List<RecordView> visible(Actor actor, Decision.Permit permit, UUID personId) {
        Framework framework = guard.framework();
        List<RecordView> out = new ArrayList<>();
        SecretKey key = null;
        for (CaseRecord r : records.forPerson(personId)) {
            Optional<Category> category = framework.category(r.category());
            if (category.isEmpty() || (permit.allowedFrom(r.organisation(), actor.organisation()) & category.get().mask()) == 0) {
                continue;
            }
            if (key == null) {
                key = keys.find(personId).orElseThrow(HavenException::notFound);
            }
            out.add(new RecordView(r.id(), r.category(), Records.open(key, r), r.organisation(), r.purpose(), r.createdAt()));
        }
        return out;
    }
}
