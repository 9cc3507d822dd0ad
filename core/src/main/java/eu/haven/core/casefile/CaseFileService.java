package eu.haven.core.casefile;

import eu.haven.core.access.AccessGuard;
import eu.haven.core.consent.ConsentRepository;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.Action;
import eu.haven.core.record.RecordService;
import eu.haven.core.staff.Actor;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's case file as a member of staff opens it, on one decision and one ledger event: the
 * records the permit releases, and the consents that concern the actor's organisation (as giver
 * or recipient), as {@code GET .../records} and {@code GET .../consents} give them one by one.
 */
public final class CaseFileService {
    private final AccessGuard guard;
    private final RecordService records;
    private final ConsentRepository consents;

    public CaseFileService(AccessGuard guard, RecordService records, ConsentRepository consents) {
        this.guard = guard;
        this.records = records;
        this.consents = consents;
    }

    public CaseFile open(Actor actor, RequestedPurpose purpose, UUID personId) {
        AccessGuard.Granted granted = guard.check(actor, Action.READ, purpose, personId, guard.framework().allCategories(), Optional.empty());
        return new CaseFile(records.released(actor, granted, personId), consents.forPerson(personId).stream()
            .filter(c -> c.controller().equals(actor.organisation()) || c.recipient().equals(actor.organisation())).toList());
    }
}
