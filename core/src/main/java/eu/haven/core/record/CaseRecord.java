package eu.haven.core.record;

import java.time.Instant;
import java.util.UUID;

/** A record about a person held by one organisation; {@code sealedData} is encrypted JSON. */
public record CaseRecord(UUID id, UUID personId, String organisation, String category, String purpose,
                         byte[] sealedData, Instant createdAt, UUID createdBy) {}
