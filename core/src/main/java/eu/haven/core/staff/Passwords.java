package eu.haven.core.staff;

import eu.haven.core.error.HavenException;

/** What a staff password must be. */
public final class Passwords {
    public static final int MIN_LENGTH = 10;

    private Passwords() {}

    public static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > 1000) {
            throw HavenException.invalid("A password has at least " + MIN_LENGTH + " characters.");
        }
    }
}
