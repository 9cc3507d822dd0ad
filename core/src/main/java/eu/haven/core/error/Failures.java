package eu.haven.core.error;

/**
 * A failure as the log may show it: the class of each exception in the cause chain and where it
 * was thrown, frame by frame, but never a message, which may quote personal data (a value that
 * did not parse, a row that did not fit).
 */
public final class Failures {
    private static final int MAX_CAUSES = 8;
    private static final int MAX_FRAMES = 40;

    private Failures() {}

    public static String trace(Throwable failure) {
        StringBuilder b = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause() == t ? null : t.getCause()) {
            b.append(depth == 0 ? "" : "\nCaused by: ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                b.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > MAX_FRAMES) {
                b.append("\n\t... ").append(frames.length - MAX_FRAMES).append(" more");
            }
        }
        return b.toString();
    }
}
