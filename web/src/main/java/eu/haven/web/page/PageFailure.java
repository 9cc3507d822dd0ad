package eu.haven.web.page;

/**
 * Ends a page request early: the browser must sign in again (its session ended, or went idle), or a
 * form came without its token.
 */
public final class PageFailure extends RuntimeException {
    public enum Kind { SIGN_IN, FORBIDDEN }

    private final Kind kind;
    private final String location;

    private PageFailure(Kind kind, String location) {
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.location = location;
    }

    /** Back to the sign-in page at {@code location}, which says the session ended. */
    public static PageFailure signIn(String location) {
        return new PageFailure(Kind.SIGN_IN, location);
    }

    public static PageFailure forbidden() {
        return new PageFailure(Kind.FORBIDDEN, "");
    }

    public Kind kind() {
        return kind;
    }

    public String location() {
        return location;
    }
}
