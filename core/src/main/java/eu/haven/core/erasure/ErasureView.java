package eu.haven.core.erasure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A waiting or declined erasure with the organisation's answer opened. */
public record ErasureView(UUID personId, String organisation, String reason, ErasureRequest.Status status,
                          Optional<String> answer, Instant requestedAt, Optional<Instant> answeredAt) {}
