package eu.haven.core.staff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff roles. Only caseworkers and supervisors work with people's case data; an editor keeps the public service
 * directory and sees nobody's data.
 */
public enum Role {
    CASEWORKER, SUPERVISOR, DPO, OVERSIGHT, ADMIN, EDITOR,
    /** The equality body: the supervisory authority's pseudonymous view, and outcomes compared across groups of people. */
    EQUALITY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean handlesCaseData() {
        return this == CASEWORKER || this == SUPERVISOR;
    }

    public static Optional<Role> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
