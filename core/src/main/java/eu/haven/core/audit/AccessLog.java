package eu.haven.core.audit;

import eu.haven.event.AccessEvent;
import java.util.List;
import java.util.UUID;

/**
 * Where every access decision goes. {@link #append} returns only once the event is durable; if it
 * cannot be made durable it throws {@link LedgerUnavailableException} and no data may be released.
 */
public interface AccessLog {

    /** Appends durably and returns the event's index in the log. */
    long append(AccessEvent event);

    /** Appends several durably, returning once all are in the log; their indices in order. */
    default List<Long> appendAll(List<AccessEvent> events) {
        return events.stream().map(this::append).toList();
    }

    List<LoggedEvent> forPerson(UUID personId);

    long size();

    /**
     * Erases the openings of the person's events (who, what, when, the salt) and keeps the public
     * entries, which can then no longer be linked to anyone. Returns how many were erased.
     */
    long forget(UUID personId);
}
