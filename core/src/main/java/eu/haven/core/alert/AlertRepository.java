package eu.haven.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface AlertRepository {
    void insert(Alert alert);

    /** Alerts not yet acknowledged, newest first, at most {@code limit}. */
    List<Alert> open(int limit);

    /** False when there is no such open alert. */
    boolean acknowledge(UUID id, UUID by, Instant at, String note);
}
