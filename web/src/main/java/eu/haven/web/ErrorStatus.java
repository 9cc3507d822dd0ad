package eu.haven.web;

import eu.haven.core.error.ErrorCode;

/** The one place where error codes become HTTP statuses. */
public final class ErrorStatus {
    private ErrorStatus() {}

    public static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_JSON, INVALID_REQUEST, PURPOSE_REQUIRED, UNKNOWN_PURPOSE, MULTIPLE_PURPOSES, UNKNOWN_CATEGORY,
                 UNKNOWN_ORGANISATION -> 400;
            case UNAUTHORIZED, INVALID_CREDENTIALS, ACCESS_CODE_EXPIRED -> 401;
            case FIREWALL, PURPOSE_NOT_ALLOWED, NO_CONSENT, CONSENT_WITHDRAWN, CONSENT_EXPIRED,
                 CATEGORY_NOT_ALLOWED, ROLE, GUARDIAN_CONSENT_REQUIRED, ACTIVATION_REQUIRED,
                 SECOND_PERSON_REQUIRED,
                 ACCESS_CODE_LOCKED -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CONFLICT, ALREADY_ACTIVATED -> 409;
            case BODY_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
            case LEDGER_UNAVAILABLE, BUSY -> 503;
        };
    }
}
