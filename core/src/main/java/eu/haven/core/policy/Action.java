package eu.haven.core.policy;

import java.util.Locale;

/** What an access does. */
public enum Action {
    CREATE_PERSON, READ, WRITE, CONSENT, REFER, RESPOND_REFERRAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
