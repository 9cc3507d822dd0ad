package eu.haven.core.caseload;

import java.time.Instant;
import java.util.UUID;

/** One person in an organisation's caseload: the name and language its own identity record holds, and its last record's date. */
public record CaseloadEntry(UUID personId, String name, String language, Instant lastActivity) {}
