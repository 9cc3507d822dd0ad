package eu.haven.core.error;

/**
 * Every error Haven reports, with the code that appears in {@code {"error": "<code>"}}.
 * The HTTP status for each code is decided in one place, in the web module.
 */
public enum ErrorCode {
    INVALID_JSON("invalid-json"),
    INVALID_REQUEST("invalid-request"),
    BODY_TOO_LARGE("body-too-large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    PURPOSE_REQUIRED("purpose-required"),
    UNKNOWN_PURPOSE("unknown-purpose"),
    MULTIPLE_PURPOSES("multiple-purposes"),
    UNKNOWN_CATEGORY("unknown-category"),
    UNKNOWN_ORGANISATION("unknown-organisation"),
    UNAUTHORIZED("unauthorized"),
    INVALID_CREDENTIALS("invalid-credentials"),
    NOT_FOUND("not-found"),
    METHOD_NOT_ALLOWED("method-not-allowed"),
    FIREWALL("firewall"),
    PURPOSE_NOT_ALLOWED("purpose-not-allowed"),
    NO_CONSENT("no-consent"),
    CONSENT_WITHDRAWN("consent-withdrawn"),
    CONSENT_EXPIRED("consent-expired"),
    CATEGORY_NOT_ALLOWED("category-not-allowed"),
    ROLE("role"),
    GUARDIAN_CONSENT_REQUIRED("guardian-consent-required"),
    SECOND_PERSON_REQUIRED("second-person-required"),
    ACTIVATION_REQUIRED("activation-required"),
    ALREADY_ACTIVATED("already-activated"),
    ACCESS_CODE_EXPIRED("access-code-expired"),
    ACCESS_CODE_LOCKED("access-code-locked"),
    CONFLICT("conflict"),
    RATE_LIMITED("rate-limited"),
    LEDGER_UNAVAILABLE("ledger-unavailable"),
    BUSY("busy"),
    INTERNAL("internal-error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
