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
 * or recipient), as {@code GET .../records} and {@code GET .../consents} give them one by one, and the
 * newest accesses of the person's history by the actor's own organisation (this opening first): what
 * other organisations did would tell which services the person uses, which the actor may not know.
 */
public final class CaseFileService {
    private final AccessGuard guard;
    private final RecordService records;
    private final ConsentRepository consents;
    private final eu.haven.core.audit.Ledger ledger;
    /** How many of the newest accesses a case file shows. */
    public static final int RECENT = 10;

    public CaseFileService(AccessGuard guard, RecordService records, ConsentRepository consents, eu.haven.core.audit.Ledger ledger) {
        this.ledger = ledger;
        this.guard = guard;
        this.records = records;
        this.consents = consents;
    }

    public CaseFile open(Actor actor, RequestedPurpose purpose, UUID personId) {
        AccessGuard.Granted granted = guard.check(actor, Action.READ, purpose, personId, guard.framework().allCategories(), Optional.empty());
        return new CaseFile(records.released(actor, granted, personId), consents.forPerson(personId).stream()
            .filter(c -> c.controller().equals(actor.organisation()) || c.recipient().equals(actor.organisation())).toList(),
            ledger.historyPage(personId, Long.MAX_VALUE, RECENT).events().stream()
                .filter(e -> e.event().organisation().equals(Optional.of(actor.organisation()))).toList());
    }
}
