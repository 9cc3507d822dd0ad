package eu.haven.core.correction;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A correction request with its texts opened. */
public record CorrectionView(UUID id, UUID personId, String organisation, Optional<UUID> recordId, String request,
                             Correction.Status status, Optional<String> answer, Instant createdAt,
                             Optional<Instant> answeredAt) {}
