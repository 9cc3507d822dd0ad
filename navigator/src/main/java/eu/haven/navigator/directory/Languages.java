package eu.haven.navigator.directory;

import java.util.List;
import java.util.Locale;

/** The nine languages every public page and every demo text is offered in; the first is the directory's own. */
public final class Languages {
    public static final List<String> ALL = List.of("en", "de", "fr", "uk", "ru", "ar", "fa", "ti", "so");
    public static final String SOURCE = "en";

    private Languages() {
    }

    /** The reader's language when Haven offers it, otherwise the directory's own. */
    public static String offered(String lang) {
        String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        return ALL.contains(l) ? l : SOURCE;
    }

    public static boolean rightToLeft(String lang) {
        return lang.equals("ar") || lang.equals("fa");
    }
}
