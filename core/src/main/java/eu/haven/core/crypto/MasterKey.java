package eu.haven.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key, kept outside the database. It wraps each person's data key and derives the
 * keys for keyed hashes; it never encrypts data itself.
 *
 * <p>It has two parts. The <em>derivation secret</em> derives the keys of keyed hashes (access-code
 * lookups, the caseload's name index, pseudonyms); it never changes, since what was hashed under
 * it (an access code) cannot be hashed again. The <em>wrapping keys</em>, numbered by generation,
 * wrap the person keys; a rotation adds a new generation, re-wraps every person key under it and
 * then drops the old one. A first master key file is one base64 line: the derivation secret, from
 * which generation 1's wrapping key is derived. After a rotation the file lists its parts (see
 * {@link #text()}).
 */
public final class MasterKey {
    public static final int BYTES = 32;
    /** Person keys wrapped under generation 1 carry no header: they are the sealed key as it is. */
    private static final int FIRST_GENERATION = 1;
    private static final byte GENERATION_HEADER = 2;
    private static final String FORMAT = "haven-master-key v2";
    private final byte[] derivationSecret;
    private final Map<Integer, byte[]> wrappingKeys;
    private final int current;

    /** A first master key: the derivation secret, with generation 1's wrapping key derived from it. */
    public MasterKey(byte[] raw) {
        this(checked(raw), Map.of(FIRST_GENERATION, derive(raw, "haven/wrap/v1")), FIRST_GENERATION);
    }

    private MasterKey(byte[] derivationSecret, Map<Integer, byte[]> wrappingKeys, int current) {
        this.derivationSecret = derivationSecret.clone();
        TreeMap<Integer, byte[]> keys = new TreeMap<>();
        wrappingKeys.forEach((g, k) -> keys.put(g, checked(k).clone()));
        if (!keys.containsKey(current)) {
            throw new CryptoException("the master key's current generation has no wrapping key");
        }
        this.wrappingKeys = Collections.unmodifiableMap(keys);
        this.current = current;
    }

    private static byte[] checked(byte[] key) {
        if (key.length != BYTES) {
            throw new CryptoException("a master key is 32 bytes");
        }
        return key;
    }

    /** A 32-byte key for one use, derived with HMAC-SHA256 (HKDF-Expand with one block). */
    public byte[] derive(String label) {
        return derive(derivationSecret, label);
    }

    private static byte[] derive(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The generation new person keys are wrapped under. */
    public int generation() {
        return current;
    }

    /** Whether a rotation is under way: older wrapping keys are still held. */
    public boolean rotating() {
        return wrappingKeys.size() > 1;
    }

    public SortedSet<Integer> generations() {
        return new TreeSet<>(wrappingKeys.keySet());
    }

    /** Starts a rotation: a new generation with the given wrapping key, the older ones kept until every person key is re-wrapped. */
    public MasterKey rotated(byte[] newWrappingKey) {
        int next = wrappingKeys.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        TreeMap<Integer, byte[]> keys = new TreeMap<>(wrappingKeys);
        keys.put(next, newWrappingKey);
        return new MasterKey(derivationSecret, keys, next);
    }

    /** Ends a rotation: only the current generation's wrapping key is kept. */
    public MasterKey withoutOlderGenerations() {
        return new MasterKey(derivationSecret, Map.of(current, wrappingKeys.get(current)), current);
    }

    public byte[] wrap(UUID personId, SecretKey dataKey) {
        byte[] sealed = Sealer.seal(wrappingKey(current), aad(personId), dataKey.getEncoded());
        if (current == FIRST_GENERATION) {
            return sealed;
        }
        return ByteBuffer.allocate(5 + sealed.length).put(GENERATION_HEADER).putInt(current).put(sealed).array();
    }

    public SecretKey unwrap(UUID personId, byte[] wrapped) {
        int generation = generationOf(wrapped);
        byte[] key = Optional.ofNullable(wrappingKeys.get(generation)).orElseThrow(() -> new CryptoException(
            "this person key is wrapped under master key generation " + generation + ", which this master key does not hold"));
        byte[] sealed = generation == FIRST_GENERATION ? wrapped : java.util.Arrays.copyOfRange(wrapped, 5, wrapped.length);
        return new SecretKeySpec(Sealer.open(new SecretKeySpec(key, "AES"), aad(personId), sealed), "AES");
    }

    /** Whether this master key holds the wrapping key a person key was wrapped under. */
    public boolean opens(byte[] wrapped) {
        return wrappingKeys.containsKey(generationOf(wrapped));
    }

    /** The generation a wrapped person key was wrapped under. */
    public static int generationOf(byte[] wrapped) {
        if (wrapped.length > 5 && wrapped[0] == GENERATION_HEADER) {
            return ByteBuffer.wrap(wrapped, 1, 4).getInt();
        }
        return FIRST_GENERATION;
    }

    private SecretKey wrappingKey(int generation) {
        return new SecretKeySpec(wrappingKeys.get(generation), "AES");
    }

    private static byte[] aad(UUID personId) {
        return ("haven/dek/" + personId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The master key as the text of its file: a first line naming the format, the derivation
     * secret, one line per wrapping key, and which generation is current.
     */
    public String text() {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder(FORMAT).append('\n');
        out.append("derive ").append(b64.encodeToString(derivationSecret)).append('\n');
        wrappingKeys.forEach((g, k) -> out.append("wrap ").append(g).append(' ').append(b64.encodeToString(k)).append('\n'));
        out.append("current ").append(current).append('\n');
        return out.toString();
    }

    /** Reads a master key file's text: one base64 line (a first master key) or the format {@link #text()} writes. */
    public static MasterKey parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith(FORMAT)) {
            return new MasterKey(decode(trimmed));
        }
        byte[] derivation = null;
        Map<Integer, byte[]> keys = new TreeMap<>();
        Integer current = null;
        for (String line : trimmed.split("\n")) {
            String[] parts = line.strip().split(" +");
            switch (parts[0]) {
                case "derive" -> derivation = decode(part(parts, 1));
                case "wrap" -> keys.put(generation(part(parts, 1)), decode(part(parts, 2)));
                case "current" -> current = generation(part(parts, 1));
                default -> {
                    if (!line.strip().equals(FORMAT) && !line.isBlank()) {
                        throw new CryptoException("the master key file has a line it does not know");
                    }
                }
            }
        }
        if (derivation == null || current == null) {
            throw new CryptoException("the master key file lacks its derivation secret or its current generation");
        }
        return new MasterKey(checked(derivation), keys, current);
    }

    private static String part(String[] parts, int i) {
        if (parts.length <= i) {
            throw new CryptoException("the master key file has a short line");
        }
        return parts[i];
    }

    private static int generation(String s) {
        try {
            int g = Integer.parseInt(s);
            if (g < 1) {
                throw new CryptoException("a master key generation is a positive number");
            }
            return g;
        } catch (NumberFormatException e) {
            throw new CryptoException("a master key generation is a positive number");
        }
    }

    private static byte[] decode(String b64) {
        try {
            return checked(Base64.getDecoder().decode(b64));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("the master key file holds something that is not base64");
        }
    }
}
