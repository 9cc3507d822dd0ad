package eu.haven.core.record;

import java.time.Instant;
import java.util.UUID;

/** A decrypted record, as released to someone the policy allowed. {@code data} is JSON text. */
public record RecordView(UUID id, String category, String data, String organisation, String purpose,
                         Instant createdAt) {}
