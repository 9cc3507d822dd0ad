package eu.haven.core.staff;

import java.util.UUID;

/** A staff account. {@code passwordHash} is an Argon2id PHC string. */
public record StaffUser(UUID id, String username, String organisationId, Role role, String passwordHash,
                        boolean disabled) {}
