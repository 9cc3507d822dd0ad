package eu.haven.core.staff;

import java.util.UUID;

/**
 * A staff account. {@code passwordHash} is an Argon2id PHC string. A deleted account keeps its id
 * and username, which people's histories name, but never signs in again.
 */
public record StaffUser(UUID id, String username, String organisationId, Role role, String passwordHash,
                        boolean disabled, boolean deleted) {

    /** Whether the account may sign in and its tokens work. */
    public boolean active() {
        return !disabled && !deleted;
    }

    public String status() {
        return deleted ? "deleted" : disabled ? "disabled" : "active";
    }
}
