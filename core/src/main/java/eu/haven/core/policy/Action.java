package eu.haven.core.policy;

import java.util.Locale;

/**
 * What an access does. The first group is decided by the policy engine for staff; the second is
 * what a person does with their own access code, and what the system does on its own (retention,
 * erasure). Every one of them is recorded in the access ledger.
 */
public enum Action {
    CREATE_PERSON, READ, WRITE, CONSENT, REFER, RESPOND_REFERRAL, ISSUE_ACCESS_CODE, ANSWER_CORRECTION, ERASE,
    SIGN_IN, VIEW_OWN, EXPORT_OWN, RECEIPT, WITHDRAW_CONSENT, REQUEST_CORRECTION, REQUEST_ERASURE,
    END_RETENTION, ERASED;

    /** True for what staff may be permitted by the policy engine; the others are never staff's to do. */
    public boolean staff() {
        return ordinal() <= ERASE.ordinal();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
