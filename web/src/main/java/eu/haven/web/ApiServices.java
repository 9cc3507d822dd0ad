package eu.haven.web;

import eu.haven.core.audit.Ledger;
import eu.haven.core.correction.CorrectionService;
import eu.haven.core.erasure.ErasureService;
import eu.haven.core.rights.PersonSessions;
import eu.haven.core.rights.RightsService;
import eu.haven.core.consent.ConsentService;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.person.PersonService;
import eu.haven.core.record.RecordService;
import eu.haven.core.referral.ReferralService;
import eu.haven.core.staff.AuthService;

/** The core services the HTTP API calls. */
public record ApiServices(Framework framework, Firewall firewall, PurposeResolver purposes, AuthService auth,
                          PersonService persons, RecordService records, ConsentService consents,
                          ReferralService referrals, Ledger ledger, PersonSessions sessions, RightsService rights,
                          CorrectionService corrections, ErasureService erasure,
                          eu.haven.core.code.CodeReplacementService codes, eu.haven.core.alert.AlertService alerts,
                          eu.haven.core.admin.StaffAdmin staffAdmin, java.util.function.BooleanSupplier ready, Metrics metrics,
                          PageSettings pages, eu.haven.navigator.directory.NavigatorService navigator,
                          eu.haven.navigator.edit.DirectoryEdits directoryEdits, Oversight oversight,
                          eu.haven.core.admin.DatabaseBackups backups) {

    /** Oversight: the data protection officer's register of authority requests, and the public transparency report. */
    public record Oversight(eu.haven.core.authority.AuthorityRequestService authority,
                            eu.haven.core.transparency.TransparencyService transparency,
                            eu.haven.core.oversight.OversightService inspections,
                            eu.haven.core.algorithm.AlgorithmRegister algorithms,
                            eu.haven.core.complaint.ComplaintService complaints,
                            eu.haven.core.equality.EqualityService equality) {}

    /**
     * The server's metrics: the registry that counts, and, when a token is configured, the
     * Prometheus text a scraper reads at {@code /metrics} with that token. No label carries personal data.
     */
    /** The pages' form key (for the tokens against cross-site forgery) and the clock their idle timeouts run by. */
    public record PageSettings(byte[] formKey, java.time.Clock clock, eu.haven.core.caseload.CaseloadService caseload,
                               eu.haven.core.casefile.CaseFileService caseFiles) {}

    public record Metrics(io.micrometer.core.instrument.MeterRegistry registry, java.util.Optional<String> token,
                          java.util.function.Supplier<String> scrape) {}
}
