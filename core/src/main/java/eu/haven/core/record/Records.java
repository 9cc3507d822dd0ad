package eu.haven.core.record;

import eu.haven.core.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Sealing record data; the associated data ties a ciphertext to its record, person and category. */
public final class Records {
    private Records() {}

    public static byte[] seal(SecretKey key, UUID recordId, UUID personId, String category, String json) {
        return Sealer.seal(key, aad(recordId, personId, category), json.getBytes(StandardCharsets.UTF_8));
    }

    public static String open(SecretKey key, CaseRecord r) {
        return new String(Sealer.open(key, aad(r.id(), r.personId(), r.category()), r.sealedData()), StandardCharsets.UTF_8);
    }

    private static byte[] aad(UUID recordId, UUID personId, String category) {
        return ("record/" + recordId + "/" + personId + "/" + category).getBytes(StandardCharsets.UTF_8);
    }
}
