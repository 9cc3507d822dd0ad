package eu.haven.core.rights;

import eu.haven.core.audit.LoggedEvent;
import eu.haven.core.code.CodeRequestView;
import eu.haven.core.consent.Consent;
import eu.haven.core.correction.CorrectionView;
import eu.haven.core.erasure.ErasureView;
import eu.haven.core.person.Profile;
import eu.haven.core.record.RecordView;
import eu.haven.core.referral.Referral;
import eu.haven.core.staff.Organisation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything Haven holds about one person, opened for that person: their records from every
 * organisation, consents, referrals, corrections, waiting erasures, requests for a new access code
 * (who asked, who approved), the names of guardians who gave consents (by consent), and every access event naming
 * them (refusals included) whose record verifies against the ledger; {@code historyWithheld} counts
 * those that do not and are therefore not shown. {@code eventIndex} is the ledger index of this very request.
 */
public record PersonalData(UUID personId, Instant createdAt, Profile profile, List<RecordView> records,
                           List<Consent> consents, List<Referral> referrals, List<CorrectionView> corrections,
                           List<ErasureView> erasures, Map<UUID, String> guardianNames, Map<UUID, String> declineReasons, List<CodeRequestView> codeRequests, List<LoggedEvent> history, int historyWithheld, Map<String, Organisation> organisations,
                           long eventIndex, Instant now) {}
