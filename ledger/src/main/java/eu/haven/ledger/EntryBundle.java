package eu.haven.ledger;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** An entry bundle of c2sp.org/tlog-tiles: each entry prefixed by its length as a big-endian uint16. */
public final class EntryBundle {
    public static final int MAX_ENTRY = 0xFFFF;

    private EntryBundle() {}

    public static byte[] encode(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            if (e.length > MAX_ENTRY) {
                throw new IllegalArgumentException("an entry is at most 65,535 bytes");
            }
            out.write(e.length >> 8);
            out.write(e.length & 0xFF);
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    public static List<byte[]> decode(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int i = 0;
        while (i < bundle.length) {
            if (i + 2 > bundle.length) {
                throw new VerificationException("an entry bundle ends inside a length prefix");
            }
            int len = ((bundle[i] & 0xFF) << 8) | (bundle[i + 1] & 0xFF);
            i += 2;
            if (i + len > bundle.length) {
                throw new VerificationException("an entry bundle ends inside an entry");
            }
            byte[] e = new byte[len];
            System.arraycopy(bundle, i, e, 0, len);
            entries.add(e);
            i += len;
        }
        return entries;
    }
}
