package eu.haven.web.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a person reads about themself, as typed values: the JSON of {@code GET /api/v1/me} and of the
 * export (docs/EXPORT.md), and what the person's pages will show. Every label is already in the
 * person's language. A field marked {@code ALWAYS} is written as {@code null} when it has no value;
 * any other field without a value is left out.
 */
public record PersonDocument(String format, String language, String direction, String generatedAt, PersonPart person,
                             List<Holding> data, List<ConsentPart> consents, List<ReferralPart> referrals,
                             List<CorrectionPart> corrections, List<ErasurePart> erasure, List<CodeRequestPart> accessCodeRequests,
                             List<AccessPart> accessHistory, Withheld accessHistoryWithheld, LedgerPart ledger) {

    public record Org(String id, String name) {}

    public record Coded(String code, String label) {}

    public record PersonPart(String id, String createdAt, String preferredLanguage, String birthDate) {}

    public record Holding(Org organisation, List<CategoryPart> categories) {}

    public record CategoryPart(String category, String label, List<RecordPart> records) {}

    /** {@code data} is the record exactly as the organisation wrote it (JSON checked then, authenticated by its decryption). */
    public record RecordPart(String id, String purpose, String purposeLabel, String createdAt, @JsonRawValue String data) {}

    public record GuardianPart(String relationship, String relationshipLabel, String name) {}

    /** {@code withdrawnBy}: absent while the consent stands, {@code null} when the person withdrew it, else the organisation. */
    public record ConsentPart(String id, String schemaVersion, Org controller, Org recipient, List<Coded> purposes,
                              List<Coded> categories, List<String> legalBasis, boolean specialCategory, String language,
                              String method, String privacyNotice, String jurisdiction, String retention, String storageLocation,
                              String howToWithdraw, String givenAt, @JsonInclude(JsonInclude.Include.ALWAYS) String expiresAt,
                              @JsonInclude(JsonInclude.Include.ALWAYS) String withdrawnAt, JsonNode withdrawnBy,
                              String withdrawnByLabel, GuardianPart guardian, String state, String stateLabel, String withdraw) {}

    public record ReferralPart(String id, Org from, Org to, String purpose, String purposeLabel, List<Coded> categories,
                               String consentId, String status, String statusLabel, String createdAt,
                               @JsonInclude(JsonInclude.Include.ALWAYS) String decidedAt, String declineReason) {}

    public record CorrectionPart(String id, Org organisation, String recordId, String text, String status, String statusLabel,
                                 String answer, String createdAt, @JsonInclude(JsonInclude.Include.ALWAYS) String answeredAt) {}

    public record ErasurePart(Org organisation, String reason, String status, String statusLabel, String answer,
                              String requestedAt, @JsonInclude(JsonInclude.Include.ALWAYS) String answeredAt) {}

    public record StaffPart(String username, Org organisation) {}

    public record CodeRequestPart(String requestedAt, StaffPart requestedBy, String status, String statusLabel,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) String approvedAt,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) StaffPart approvedBy,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) String issuedAt) {}

    public record AccessPart(long ledgerIndex, String at, @JsonInclude(JsonInclude.Include.ALWAYS) Org organisation, String by,
                             String role, String roleLabel, String purpose, String purposeLabel, String action, String actionLabel,
                             List<Coded> categories, boolean permitted, String outcome, String reason, String reasonLabel,
                             String summary, String receipt) {}

    public record Withheld(int count, String message) {}

    public record LedgerPart(String origin, String vkey, String checkpoint, long thisRequest) {}

    /** The answer to asking for erasure: erased at once, or waiting for the organisations named. */
    public record ErasureAnswer(boolean erased, List<ErasurePart> waiting) {}
}
