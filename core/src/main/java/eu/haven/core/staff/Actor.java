package eu.haven.core.staff;

import java.util.UUID;

/** The authenticated staff member behind a request. */
public record Actor(UUID userId, String organisation, String organisationType, Role role) {}
