package eu.haven.core.policy;

import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;

/** Why the policy engine refused. The code is what the access log and the person see. */
public enum DenyReason {
    FIREWALL("firewall", ErrorCode.FIREWALL),
    UNKNOWN_PURPOSE("unknown-purpose", ErrorCode.UNKNOWN_PURPOSE),
    MULTIPLE_PURPOSES("multiple-purposes", ErrorCode.MULTIPLE_PURPOSES),
    PURPOSE_NOT_ALLOWED("purpose-not-allowed", ErrorCode.PURPOSE_NOT_ALLOWED),
    NO_RELATIONSHIP("no-relationship", ErrorCode.NOT_FOUND),
    NO_CONSENT("no-consent", ErrorCode.NO_CONSENT),
    CONSENT_WITHDRAWN("consent-withdrawn", ErrorCode.CONSENT_WITHDRAWN),
    CONSENT_EXPIRED("consent-expired", ErrorCode.CONSENT_EXPIRED),
    CATEGORY_NOT_ALLOWED("category-not-allowed", ErrorCode.CATEGORY_NOT_ALLOWED),
    ROLE("role", ErrorCode.ROLE),
    GUARDIAN_CONSENT_REQUIRED("guardian-consent-required", ErrorCode.GUARDIAN_CONSENT_REQUIRED),
    SECOND_PERSON_REQUIRED("second-person-required", ErrorCode.SECOND_PERSON_REQUIRED);

    private final String code;
    private final ErrorCode error;

    DenyReason(String code, ErrorCode error) {
        this.code = code;
        this.error = error;
    }

    public String code() {
        return code;
    }

    /** What the client is told; names no person and no value. */
    public String message() {
        return switch (this) {
            case FIREWALL -> "Refused: Haven never releases service data for immigration or law enforcement. "
                + "This request has been recorded and the person concerned can see it.";
            case UNKNOWN_PURPOSE -> "Unknown purpose. Use a short code of the framework or a DPV purpose IRI. "
                + "The attempt has been recorded and the person concerned can see it.";
            case MULTIPLE_PURPOSES -> "Declare exactly one purpose: one Purpose header with one value. "
                + "The attempt has been recorded and the person concerned can see it.";
            case PURPOSE_NOT_ALLOWED -> "The data-sharing framework does not allow your organisation this purpose.";
            case NO_RELATIONSHIP -> HavenException.NOT_FOUND_MESSAGE;
            case NO_CONSENT -> "No consent covers this.";
            case CONSENT_WITHDRAWN -> "The person has withdrawn the consent this relied on.";
            case CONSENT_EXPIRED -> "The consent this relied on has expired.";
            case CATEGORY_NOT_ALLOWED -> "The framework does not allow your organisation these data categories for this purpose.";
            case ROLE -> "Your role does not work with case data.";
            case SECOND_PERSON_REQUIRED -> "A new access code is approved by a second person: the data protection officer, "
                + "or a worker of another organisation working with the person. Not the one who asked, nor their colleagues.";
            case GUARDIAN_CONSENT_REQUIRED -> "This person is a child: consent must be given by a guardian (method 'guardian').";
        };
    }

    /**
     * The error a client gets. A missing relationship answers exactly like a person who does not
     * exist, so that existence does not leak.
     */
    public ErrorCode error() {
        return error;
    }
}
