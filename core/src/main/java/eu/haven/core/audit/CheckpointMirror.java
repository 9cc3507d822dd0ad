package eu.haven.core.audit;

import java.util.Optional;

/**
 * A copy of the latest signed checkpoint kept outside the database, as a witness would keep it, so
 * that a database rolled back or rewritten behind the server's back is noticed at start.
 */
public interface CheckpointMirror {
    Optional<String> read();

    void write(String signedNote);
}
