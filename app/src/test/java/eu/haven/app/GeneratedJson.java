package eu.haven.app;

import java.util.List;
import java.util.Random;

/** Random request bodies: broken JSON, wrong types, unknown fields and almost-right shapes. */
final class GeneratedJson {
    private static final List<String> FIELDS = List.of("displayName", "preferredLanguage", "birthDate", "category", "data",
        "recipient", "purposes", "categories", "expiresAt", "method", "language", "personId", "to", "purpose", "consentId",
        "username", "password", "zzz", "");
    private static final List<String> WORDS = List.of("housing", "health", "identity", "legal-aid", "shelter",
        "immigration-enforcement", "verbal", "en", "ar", "2026-01-01", "2099-01-01T00:00:00Z", "legal-aid",
        "00000000-0000-0000-0000-000000000000", "\u0000", "\uD83D\uDE00", "' OR 1=1 --", "<script>", "../../etc/passwd");

    private GeneratedJson() {}

    static String body(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> garbage(r);
            case 1 -> value(r, 0);
            default -> object(r, 0);
        };
    }

    private static String garbage(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            sb.append("{}[]\",:0123456789abc\\ \ntrue".charAt(r.nextInt(27)));
        }
        return sb.toString();
    }

    private static String object(Random r, int depth) {
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(FIELDS.get(r.nextInt(FIELDS.size()))).append("\":").append(value(r, depth + 1));
        }
        return sb.append('}').toString();
    }

    private static String value(Random r, int depth) {
        int k = depth > 3 ? r.nextInt(5) : r.nextInt(7);
        return switch (k) {
            case 0 -> "null";
            case 1 -> String.valueOf(r.nextInt(3) == 0 ? r.nextDouble() * 1e300 : r.nextLong());
            case 2 -> String.valueOf(r.nextBoolean());
            case 3, 4 -> '"' + WORDS.get(r.nextInt(WORDS.size())).replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + '"';
            case 5 -> "[" + value(r, depth + 1) + "," + value(r, depth + 1) + "]";
            default -> object(r, depth + 1);
        };
    }
}
