package eu.haven.web.me;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.core.code.CodeRequestView;
import eu.haven.core.consent.Consent;
import eu.haven.core.correction.CorrectionView;
import eu.haven.core.erasure.ErasureOutcome;
import eu.haven.core.erasure.ErasureView;
import eu.haven.core.policy.ConsentFacts.ConsentStatus;
import eu.haven.core.record.RecordView;
import eu.haven.core.referral.Referral;
import eu.haven.core.rights.PersonalData;
import eu.haven.core.staff.Organisation;
import eu.haven.event.AccessEvent;
import eu.haven.web.i18n.Labels;
import eu.haven.web.i18n.Messages;
import eu.haven.web.me.PersonDocument.AccessPart;
import eu.haven.web.me.PersonDocument.CategoryPart;
import eu.haven.web.me.PersonDocument.CodeRequestPart;
import eu.haven.web.me.PersonDocument.Coded;
import eu.haven.web.me.PersonDocument.ConsentPart;
import eu.haven.web.me.PersonDocument.CorrectionPart;
import eu.haven.web.me.PersonDocument.ErasureAnswer;
import eu.haven.web.me.PersonDocument.ErasurePart;
import eu.haven.web.me.PersonDocument.GuardianPart;
import eu.haven.web.me.PersonDocument.Holding;
import eu.haven.web.me.PersonDocument.LedgerPart;
import eu.haven.web.me.PersonDocument.Org;
import eu.haven.web.me.PersonDocument.PersonPart;
import eu.haven.web.me.PersonDocument.RecordPart;
import eu.haven.web.me.PersonDocument.ReferralPart;
import eu.haven.web.me.PersonDocument.StaffPart;
import eu.haven.web.me.PersonDocument.Withheld;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns {@link PersonalData} into the {@link PersonDocument} a person reads: everything labelled in
 * their language. The export is the same document with a format marker; docs/EXPORT.md describes
 * every field.
 */
public final class MeJson {
    static final String VIEW_FORMAT = "haven.person-data/v1";
    static final String EXPORT_FORMAT = "haven.person-export/v1";

    private final ObjectMapper mapper;
    private final Labels labels;
    private final String origin;
    private final String vkey;

    public MeJson(ObjectMapper mapper, Labels labels, String origin, String vkey) {
        this.mapper = mapper;
        this.labels = labels;
        this.origin = origin;
        this.vkey = vkey;
    }

    public PersonDocument document(PersonalData d, String lang, boolean export) {
        Map<String, Organisation> orgs = d.organisations();
        PersonPart person = new PersonPart(d.personId().toString(), d.createdAt().toString(), d.profile().preferredLanguage(),
            d.profile().birthDate().map(LocalDate::toString).orElse(null));
        Withheld withheld = d.historyWithheld() > 0
            ? new Withheld(d.historyWithheld(), labels.messages().format(lang, "history.withheld", Map.of("count", d.historyWithheld())))
            : null;
        return new PersonDocument(export ? EXPORT_FORMAT : VIEW_FORMAT, lang, Messages.direction(lang), d.now().toString(), person,
            data(d, lang), d.consents().stream().map(c -> consent(c, d, lang)).toList(),
            d.referrals().stream().map(r -> referral(r, d, lang)).toList(),
            d.corrections().stream().map(c -> correction(c, orgs, lang)).toList(), erasures(d.erasures(), orgs, lang),
            codeRequests(d.codeRequests(), orgs, lang), d.history().stream().map(e -> event(e, orgs, lang)).toList(), withheld,
            new LedgerPart(origin, vkey, "/ledger/checkpoint", d.eventIndex()));
    }

    private List<Holding> data(PersonalData d, String lang) {
        Map<String, Map<String, List<RecordView>>> byOrg = new LinkedHashMap<>();
        for (RecordView r : d.records()) {
            byOrg.computeIfAbsent(r.organisation(), o -> new LinkedHashMap<>())
                .computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r);
        }
        List<Holding> out = new ArrayList<>();
        byOrg.forEach((org, categories) -> {
            List<CategoryPart> cats = new ArrayList<>();
            categories.forEach((code, records) -> cats.add(new CategoryPart(code, labels.category(lang, code), records.stream()
                .map(r -> new RecordPart(r.id().toString(), r.purpose(), labels.purpose(lang, r.purpose()), r.createdAt().toString(),
                    r.data())).toList())));
            out.add(new Holding(organisation(org, d.organisations()), cats));
        });
        return out;
    }

    private ConsentPart consent(Consent c, PersonalData d, String lang) {
        ConsentStatus status = c.status(d.now());
        String state = status == ConsentStatus.WITHDRAWN ? "withdrawn" : status == ConsentStatus.EXPIRED ? "expired" : "given";
        Map<String, Organisation> orgs = d.organisations();
        JsonNode withdrawnBy = c.withdrawnAt().isEmpty() ? null
            : c.withdrawnBy().<JsonNode>map(o -> mapper.valueToTree(organisation(o, orgs))).orElse(NullNode.getInstance());
        String withdrawnByLabel = c.withdrawnAt().isEmpty() ? null
            : c.withdrawnBy().map(o -> organisation(o, orgs).name()).orElse(labels.role(lang, "person"));
        GuardianPart guardian = c.guardianRelationship().map(rel -> new GuardianPart(rel, labels.messages().text(lang, "guardian." + rel),
            d.guardianNames().getOrDefault(c.id(), ""))).orElse(null);
        boolean live = status == ConsentStatus.LIVE || status == ConsentStatus.NOT_YET;
        return new ConsentPart(c.id().toString(), c.schemaVersion(), organisation(c.controller(), orgs), organisation(c.recipient(), orgs),
            coded(c.purposes(), p -> labels.purpose(lang, p)), coded(c.categories(), k -> labels.category(lang, k)), c.legalBasis(),
            c.specialCategory(), c.language(), c.method().code(), c.privacyNotice(), c.jurisdiction(), c.retention(),
            c.storageLocation(), c.withdrawalMethod(), c.givenAt().toString(), time(c.expiresAt()), time(c.withdrawnAt()),
            withdrawnBy, withdrawnByLabel, guardian, c.state(d.now()), labels.status(lang, "consent", state),
            live ? "/api/v1/me/consents/" + c.id() + "/withdraw" : null);
    }

    private ReferralPart referral(Referral r, PersonalData d, String lang) {
        String status = r.status().name().toLowerCase(Locale.ROOT);
        return new ReferralPart(r.id().toString(), organisation(r.from(), d.organisations()), organisation(r.to(), d.organisations()),
            r.purpose(), labels.purpose(lang, r.purpose()), coded(r.categories(), k -> labels.category(lang, k)),
            r.consentId().toString(), status, labels.status(lang, "referral", status), r.createdAt().toString(), time(r.decidedAt()),
            d.declineReasons().get(r.id()));
    }

    CorrectionPart correction(CorrectionView c, Map<String, Organisation> orgs, String lang) {
        return new CorrectionPart(c.id().toString(), organisation(c.organisation(), orgs), c.recordId().map(Object::toString).orElse(null),
            c.request(), c.status().code(), labels.status(lang, "correction", c.status().code()), c.answer().orElse(null),
            c.createdAt().toString(), time(c.answeredAt()));
    }

    List<ErasurePart> erasures(List<ErasureView> views, Map<String, Organisation> orgs, String lang) {
        return views.stream().map(e -> new ErasurePart(organisation(e.organisation(), orgs), e.reason(), e.status().code(),
            labels.status(lang, "erasure", e.status().code()), e.answer().orElse(null), e.requestedAt().toString(),
            time(e.answeredAt()))).toList();
    }

    /** Requests for a new access code, with who asked and who approved: shown to the person prominently. */
    List<CodeRequestPart> codeRequests(List<CodeRequestView> views, Map<String, Organisation> orgs, String lang) {
        return views.stream().map(r -> new CodeRequestPart(r.requestedAt().toString(),
            new StaffPart(r.requestedBy(), organisation(r.organisation(), orgs)), r.status().code(),
            labels.status(lang, "code-request", r.status().code()), time(r.approvedAt()),
            r.approvedBy().map(u -> new StaffPart(u, organisation(r.approverOrganisation().orElse(""), orgs))).orElse(null),
            time(r.issuedAt()))).toList();
    }

    public ErasureAnswer outcome(ErasureOutcome outcome, Map<String, Organisation> orgs, String lang) {
        return new ErasureAnswer(outcome.erased(), erasures(outcome.waiting(), orgs, lang));
    }

    private static final String AWAITING = eu.haven.core.authority.AuthorityRequestService.AWAITING;
    /** Reasons that say why something is not done (yet), not that an access was refused. */
    private static final java.util.Set<String> NOT_REFUSALS = java.util.Set.of("not-completed", AWAITING);

    /** Access events as the person reads them, in their language. */
    public List<AccessPart> accesses(List<LoggedEvent> events, Map<String, Organisation> orgs, String lang) {
        return events.stream().map(e -> event(e, orgs, lang)).toList();
    }

    /** The notice that some of the person's history was altered and is withheld, in their language. */
    public String withheld(int count, String lang) {
        return labels.messages().format(lang, "history.withheld", Map.of("count", count));
    }

    private AccessPart event(LoggedEvent logged, Map<String, Organisation> orgs, String lang) {
        AccessEvent e = logged.event();
        String role = e.role().orElse("");
        Org org = e.organisation().map(o -> organisation(o, orgs)).orElse(null);
        String summary;
        String reason = null;
        String reasonLabel = null;
        if (e.permitted()) {
            summary = labels.action(lang, e.action());
        } else {
            reason = e.reason().orElse("");
            reasonLabel = labels.reason(lang, reason);
            summary = NOT_REFUSALS.contains(reason) ? labels.action(lang, e.action()) + ". " + reasonLabel
                : labels.refused(lang, e.purpose(), "firewall".equals(reason)) + " " + reasonLabel;
        }
        return new AccessPart(logged.index(), e.at().toString(), org, org != null ? org.name() : labels.role(lang, role), role,
            labels.role(lang, role), e.purpose(), labels.purpose(lang, e.purpose()), e.action(), labels.action(lang, e.action()),
            coded(e.categories(), k -> labels.category(lang, k)), e.permitted(),
            labels.messages().text(lang, e.permitted() ? "outcome.permitted"
                : AWAITING.equals(reason) ? "outcome.waiting" : "outcome.refused"), reason, reasonLabel, summary,
            "/api/v1/me/receipts/" + logged.index());
    }

    private static Org organisation(String id, Map<String, Organisation> orgs) {
        return new Org(id, Optional.ofNullable(orgs.get(id)).map(Organisation::name).orElse(id));
    }

    private static List<Coded> coded(Collection<String> codes, Function<String, String> label) {
        return codes.stream().map(c -> new Coded(c, label.apply(c))).toList();
    }

    private static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
