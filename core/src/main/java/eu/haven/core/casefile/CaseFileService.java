package eu.haven.core.casefile;

import eu.haven.core.access.AccessGuard;
import eu.haven.core.consent.ConsentRepository;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.Action;
import eu.haven.core.record.RecordService;
import eu.haven.core.staff.Actor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's case file as a member of staff opens it, on one decision and one ledger event: the
 * records the permit releases, and the consents that concern the actor's organisation (as giver
 * or recipient), as {@code GET .../records} and {@code GET .../consents} give them one by one; and,
 * on a page of its own, the organisation's accesses as the person sees them.
 */
public final class CaseFileService {
    private final AccessGuard guard;
    private final RecordService records;
    private final ConsentRepository consents;
    private final eu.haven.core.audit.Ledger ledger;
    /** How many of the person's history's newest events one page of the organisation's accesses looks through. */
    public static final int HISTORY_WINDOW = 100;

    private final java.util.function.Function<UUID, java.util.Set<UUID>> postponed;

    /** {@code postponed}: the authority requests the person may not be told of yet, whose steps nobody is shown in their history. */
    public CaseFileService(AccessGuard guard, RecordService records, ConsentRepository consents, eu.haven.core.audit.Ledger ledger,
                           java.util.function.Function<UUID, java.util.Set<UUID>> postponed) {
        this.ledger = ledger;
        this.postponed = postponed;
        this.guard = guard;
        this.records = records;
        this.consents = consents;
    }

    public CaseFile open(Actor actor, RequestedPurpose purpose, UUID personId) {
        AccessGuard.Granted granted = guard.check(actor, Action.READ, purpose, personId, guard.framework().allCategories(), Optional.empty());
        return new CaseFile(records.released(actor, granted, personId), consents.forPerson(personId).stream()
            .filter(c -> c.controller().equals(actor.organisation()) || c.recipient().equals(actor.organisation())).toList());
    }

    /**
     * The organisation's own accesses to the person, as the person sees them, newest first, from the
     * person's newest {@link #HISTORY_WINDOW} events below ledger index {@code before}: what other
     * organisations did would tell which services the person uses, which the actor may not know.
     * Reading it is itself an access, decided and recorded (the event opens the page).
     */
    public AccessPage accesses(Actor actor, RequestedPurpose purpose, UUID personId, long before) {
        guard.check(actor, Action.READ, purpose, personId, guard.framework().allCategories(), Optional.empty());
        eu.haven.core.audit.Ledger.HistoryPage page = ledger.historyPage(personId, before, HISTORY_WINDOW);
        java.util.Set<UUID> hidden = postponed.apply(personId);
        List<eu.haven.core.audit.LoggedEvent> own = page.events().stream()
            .filter(e -> e.event().organisation().equals(Optional.of(actor.organisation())))
            .filter(e -> e.event().target().filter(hidden::contains).isEmpty()).toList();
        long oldest = page.events().isEmpty() ? before : page.events().get(page.events().size() - 1).index();
        return new AccessPage(own, page.older() ? Optional.of(oldest) : Optional.empty());
    }

    /** A page of the organisation's accesses; {@code olderBefore}: where the next page starts, if there is one. */
    public record AccessPage(List<eu.haven.core.audit.LoggedEvent> events, Optional<Long> olderBefore) {}
}
