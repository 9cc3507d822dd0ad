package eu.haven.event;

import eu.haven.ledger.Hashes;
import eu.haven.ledger.VerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The public ledger entry of an access event is a commitment: {@code 0x01 || SHA-256(salt ||
 * canonical event)}, 33 bytes. Without the 32-byte random salt, which stays in the private event
 * store, the entry reveals nothing about the event; with it (the "opening") anyone can check the
 * event against the public log. docs/LEDGER.md describes the format.
 */
public final class EventCommitment {
    public static final String HEADER = "haven.access-event/v1";
    public static final byte VERSION = 0x01;
    public static final int SALT_BYTES = 32;
    private static final String NONE = "-";

    private EventCommitment() {}

    /** A fresh salt from the given source of randomness (the server's is a generator per thread). */
    public static byte[] newSalt(java.util.function.Consumer<byte[]> random) {
        byte[] salt = new byte[SALT_BYTES];
        random.accept(salt);
        return salt;
    }

    /** The event's time as committed: whole milliseconds, which every store keeps exactly. */
    public static Instant committedTime(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The canonical UTF-8 text of an event: a header line, then one {@code key value} line per field, in
     * fixed order; an erasure record has one more line, {@code erasure}, with its signed note.
     */
    public static byte[] canonical(AccessEvent e) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        line(b, "id", e.id().toString());
        line(b, "at", committedTime(e.at()).toString());
        line(b, "actor", e.actorUser().map(UUID::toString).orElse(NONE));
        line(b, "organisation", e.organisation().orElse(NONE));
        line(b, "role", e.role().orElse(NONE));
        line(b, "action", e.action());
        line(b, "purpose", e.purpose());
        line(b, "person", e.personId().map(UUID::toString).orElse(NONE));
        line(b, "categories", String.join(",", new TreeSet<>(e.categories())));
        line(b, "decision", e.permitted() ? "permit" : "deny");
        line(b, "reason", e.reason().orElse(NONE));
        line(b, "target", e.target().map(UUID::toString).orElse(NONE));
        e.erasure().ifPresent(note -> line(b, "erasure", note));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] entry(byte[] salt, byte[] canonical) {
        byte[] input = new byte[salt.length + canonical.length];
        System.arraycopy(salt, 0, input, 0, salt.length);
        System.arraycopy(canonical, 0, input, salt.length, canonical.length);
        byte[] entry = new byte[1 + Hashes.SIZE];
        entry[0] = VERSION;
        System.arraycopy(Hashes.sha256(input), 0, entry, 1, Hashes.SIZE);
        return entry;
    }

    public static byte[] entry(byte[] salt, AccessEvent e) {
        return entry(salt, canonical(e));
    }

    /** The opening given to the person concerned and to oversight: the salt line, then the canonical event. */
    public static byte[] opening(byte[] salt, AccessEvent e) {
        byte[] head = ("salt " + Base64.getEncoder().encodeToString(salt) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = canonical(e);
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** An opening read back: the salt, the canonical bytes and the event they describe. */
    public record Opening(byte[] salt, byte[] canonical, AccessEvent event) {
        public byte[] entry() {
            return EventCommitment.entry(salt, canonical);
        }
    }

    public static Opening parseOpening(byte[] opening) {
        String text = new String(opening, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl < 0 || !text.startsWith("salt ")) {
            throw new VerificationException("the opening does not start with its salt");
        }
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(text.substring(5, nl));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the opening's salt is not base64");
        }
        if (salt.length != SALT_BYTES) {
            throw new VerificationException("the opening's salt is not 32 bytes");
        }
        String body = text.substring(nl + 1);
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(lines.size() - 1).isEmpty()) {
            throw new VerificationException("the opening is not a " + HEADER + " event");
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                throw new VerificationException("the opening has a malformed line");
            }
            f.put(line.substring(0, sp), unescape(line.substring(sp + 1)));
        }
        try {
            AccessEvent e = new AccessEvent(UUID.fromString(f.get("id")), Instant.parse(f.get("at")), uuid(f.get("actor")),
                opt(f.get("organisation")), opt(f.get("role")), f.get("action"), f.get("purpose"), uuid(f.get("person")),
                f.get("categories").isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(List.of(f.get("categories").split(","))),
                "permit".equals(f.get("decision")), opt(f.get("reason")), uuid(f.get("target")),
                Optional.ofNullable(f.get("erasure")));
            byte[] canonical = body.getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(canonical, canonical(e))) {
                throw new VerificationException("the opening's event is not in canonical form");
            }
            return new Opening(salt, canonical, e);
        } catch (NullPointerException | IllegalArgumentException | DateTimeParseException e) {
            throw new VerificationException("the opening lacks a field or has an invalid one");
        }
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append(' ').append(escape(value)).append('\n');
    }

    private static String escape(String v) {
        if (v.indexOf('\\') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<String> opt(String v) {
        return NONE.equals(v) ? Optional.empty() : Optional.of(v);
    }

    private static Optional<UUID> uuid(String v) {
        return opt(v).map(UUID::fromString);
    }
}
