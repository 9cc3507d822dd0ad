package eu.haven.core.policy;

import java.util.Locale;

/**
 * What an access does. Which of them staff may be permitted, by role, is {@link RoleTable}; the
 * rest are what a person does with their own access code, what the system does on its own
 * (retention, erasure, alerts), and the administration of organisations and staff accounts,
 * which concerns no person. Every one of them is recorded in the access ledger.
 */
public enum Action {
    CREATE_PERSON, READ, WRITE, CORRECT, CONSENT,
    /** A member of staff registered the person's withdrawal of a consent. */
    RECORD_WITHDRAWAL,
    REFER, RESPOND_REFERRAL,
    REQUEST_ACCESS_CODE, APPROVE_ACCESS_CODE, ISSUE_ACCESS_CODE,
    ANSWER_CORRECTION, ERASE, ANSWER_ERASURE, LIST,
    SIGN_IN, ACTIVATE_ACCESS_CODE, VIEW_OWN, EXPORT_OWN, RECEIPT, WITHDRAW_CONSENT, REQUEST_CORRECTION, REQUEST_ERASURE,
    END_RETENTION, ERASED, ALERT,
    CREATE_ORGANISATION, CREATE_USER, CHANGE_PASSWORD, RESET_PASSWORD, DISABLE_USER, ENABLE_USER, DELETE_USER,
    /** The operator accepted that the database was restored to an earlier ledger (a rollback incident, recorded). */
    ACCEPT_ROLLBACK,
    /** The operator retired the ledger's signing key; checkpoints from this event's tree size on are signed by a new key. */
    ROTATE_LEDGER_KEY,
    /** An authority's request for data about the person was registered (refused by the firewall, or waiting for the data protection officer). */
    AUTHORITY_REQUEST,
    /** The data protection officer decided an authority's request. */
    AUTHORITY_DECISION,
    /** Telling the person of an authority's request was postponed, at a court's order, until a stated date. */
    AUTHORITY_POSTPONE,
    /** The supervisory authority inspected the ledger's events (pseudonymous; naming no person). */
    INSPECT,
    /** The data protection officer changed the public algorithm register. */
    EDIT_ALGORITHM_REGISTER,
    /** The data protection officer acknowledged an alert, with a note. */
    ACKNOWLEDGE_ALERT,
    /** The person complained to the data protection officer. */
    COMPLAIN,
    /** The data protection officer read the person's complaint. */
    READ_COMPLAINT,
    /** The data protection officer answered the person's complaint. */
    ANSWER_COMPLAINT,
    /** The data protection officer handed the person's complaint over to the supervisory authority. */
    HAND_TO_SUPERVISORY,
    /** The data protection officer handed the person's complaint over to the equality body. */
    HAND_TO_EQUALITY_BODY,
    /** The administrator took a backup of the database. */
    BACKUP;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
