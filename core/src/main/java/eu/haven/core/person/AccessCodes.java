package eu.haven.core.person;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's access code: 24 characters from an alphabet without look-alikes (no 0, O, 1, I, L,
 * U), written in six groups of four: about 117 bits of entropy.
 */
public final class AccessCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessCodes() {}

    public static String generate() {
        StringBuilder sb = new StringBuilder(LENGTH + 5);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The canonical form (upper case, no separators), or empty when it cannot be a code. */
    public static Optional<String> normalise(String typed) {
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (s.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    /** A canonical code written in groups of four, as printed. */
    public static String grouped(String canonical) {
        StringBuilder sb = new StringBuilder(canonical.length() + canonical.length() / 4);
        for (int i = 0; i < canonical.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(canonical.charAt(i));
        }
        return sb.toString();
    }

    /** Bits of entropy of a generated code. */
    public static double entropyBits() {
        return LENGTH * Math.log(ALPHABET.length()) / Math.log(2);
    }
}
