package eu.haven.core.alert;

import eu.haven.core.access.Recorder;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Alerts for the data protection officer. Raising one about a person also records it in the
 * ledger under the person, so that it shows in their own history; the alert itself names nobody.
 */
public final class AlertService {
    private static final int LIST_LIMIT = 500;
    private final AlertRepository alerts;
    private final Recorder recorder;

    public AlertService(AlertRepository alerts, Recorder recorder) {
        this.alerts = alerts;
        this.recorder = recorder;
    }

    public Alert raise(Alert.Kind kind, UUID personId, Optional<String> organisation, Optional<UUID> target) {
        Alert alert = new Alert(UUID.randomUUID(), kind, organisation, target, recorder.clock().instant(), Optional.empty());
        recorder.bySystem(personId, Action.ALERT, Recorder.RIGHTS, Set.of(), Optional.of(alert.id()));
        alerts.insert(alert);
        return alert;
    }

    /** Raises the alert unless one of the same kind is still open (one incident, not one alert per page view). */
    public void raiseUnlessOpen(Alert.Kind kind, UUID personId) {
        if (alerts.open(LIST_LIMIT).stream().noneMatch(a -> a.kind() == kind)) {
            raise(kind, personId, Optional.empty(), Optional.empty());
        }
    }

    /** Open alerts, newest first: for the data protection officer only. */
    public List<Alert> open(Actor actor) {
        requireDpo(actor);
        return alerts.open(LIST_LIMIT);
    }

    /**
     * Raises an alert from the access watch: about a member of staff ({@code staff}, the alert's
     * target) or about everyone; recorded in the ledger naming no person.
     */
    public Alert raiseAbout(Alert.Kind kind, Optional<String> organisation, Optional<UUID> staff) {
        Alert alert = new Alert(UUID.randomUUID(), kind, organisation, staff, recorder.clock().instant(), Optional.empty());
        recorder.systemNotice(Action.ALERT, Optional.of(alert.id()));
        alerts.insert(alert);
        return alert;
    }

    /** The officer acknowledges an alert with a note of what was found and done; recorded in the ledger. */
    public void acknowledge(Actor actor, UUID id, String note) {
        requireDpo(actor);
        String n = java.util.Optional.ofNullable(note).map(String::strip).orElse("");
        if (n.isEmpty() || n.length() > 2000) {
            throw HavenException.invalid("note", "Say in a note (at most 2,000 characters) what you found and did.");
        }
        if (alerts.open(LIST_LIMIT).stream().noneMatch(a -> a.id().equals(id))) {
            throw HavenException.notFound();
        }
        recorder.byStaff(actor, Action.ACKNOWLEDGE_ALERT, Recorder.COMPLIANCE, Optional.empty(), Set.of(), Optional.empty(), Optional.of(id));
        if (!alerts.acknowledge(id, actor.userId(), recorder.clock().instant(), n)) {
            throw HavenException.notFound();
        }
    }

    private static void requireDpo(Actor actor) {
        if (actor.role() != Role.DPO) {
            throw new HavenException(ErrorCode.ROLE, "Alerts are for the data protection officer.");
        }
    }
}
