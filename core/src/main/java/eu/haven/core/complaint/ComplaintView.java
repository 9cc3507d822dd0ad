package eu.haven.core.complaint;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A complaint opened for its reader (the person, or the officer in a recorded access). */
public record ComplaintView(UUID id, Instant createdAt, String language, String text, Complaint.Status status, Optional<String> answer,
                            Optional<Instant> answeredAt, Optional<Complaint.Body> handedTo, Optional<Instant> handedAt) {}
