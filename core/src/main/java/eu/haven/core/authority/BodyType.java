package eu.haven.core.authority;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who sends a request for data. An immigration authority and a foreign state (or an international
 * police body) are refused whatever purpose they state: they are enforcement actors, as an
 * enforcement organisation type is to the policy engine. The others are refused when their stated
 * purpose is behind the firewall, and otherwise wait for the data protection officer.
 */
public enum BodyType {
    POLICE, IMMIGRATION, COURT, FOREIGN, PUBLIC_BODY;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Refused by the firewall whatever the stated purpose. */
    public boolean alwaysRefused() {
        return this == IMMIGRATION || this == FOREIGN;
    }

    public static Optional<BodyType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
