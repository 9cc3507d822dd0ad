package eu.haven.core.policy;

import eu.haven.core.error.ErrorCode;

/** Why the policy engine refused. The code is what the access log and the person see. */
public enum DenyReason {
    FIREWALL("firewall", ErrorCode.FIREWALL),
    PURPOSE_NOT_ALLOWED("purpose-not-allowed", ErrorCode.PURPOSE_NOT_ALLOWED),
    NO_RELATIONSHIP("no-relationship", ErrorCode.NOT_FOUND),
    NO_CONSENT("no-consent", ErrorCode.NO_CONSENT),
    CONSENT_WITHDRAWN("consent-withdrawn", ErrorCode.CONSENT_WITHDRAWN),
    CONSENT_EXPIRED("consent-expired", ErrorCode.CONSENT_EXPIRED),
    CATEGORY_NOT_ALLOWED("category-not-allowed", ErrorCode.CATEGORY_NOT_ALLOWED),
    ROLE("role", ErrorCode.ROLE);

    private final String code;
    private final ErrorCode error;

    DenyReason(String code, ErrorCode error) {
        this.code = code;
        this.error = error;
    }

    public String code() {
        return code;
    }

    /**
     * The error a client gets. A missing relationship answers exactly like a person who does not
     * exist, so that existence does not leak.
     */
    public ErrorCode error() {
        return error;
    }
}
