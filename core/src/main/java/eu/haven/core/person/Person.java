package eu.haven.core.person;

import java.time.Instant;
import java.util.UUID;

/**
 * A person served. {@code sealedProfile} is the encrypted profile (language, birth date) under
 * the person's own data key; {@code accessCodeLookup} is a keyed hash, never the code.
 */
public record Person(UUID id, Instant createdAt, String createdBy, byte[] sealedProfile,
                     String accessCodeHash, String accessCodeLookup) {}
