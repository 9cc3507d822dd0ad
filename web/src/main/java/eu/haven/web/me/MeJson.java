package eu.haven.web.me;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.haven.core.audit.AccessEvent;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.core.consent.Consent;
import eu.haven.core.correction.CorrectionView;
import eu.haven.core.erasure.ErasureOutcome;
import eu.haven.core.erasure.ErasureView;
import eu.haven.core.policy.ConsentFacts.ConsentStatus;
import eu.haven.core.record.RecordView;
import eu.haven.core.referral.Referral;
import eu.haven.core.rights.PersonalData;
import eu.haven.core.staff.Organisation;
import eu.haven.web.i18n.Labels;
import eu.haven.web.i18n.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@link PersonalData} into the JSON a person reads: everything labelled in their language.
 * The export is the same document with a format marker; docs/EXPORT.md describes every field.
 */
final class MeJson {
    static final String VIEW_FORMAT = "haven.person-data/v1";
    static final String EXPORT_FORMAT = "haven.person-export/v1";

    private final ObjectMapper mapper;
    private final Labels labels;
    private final String origin;
    private final String vkey;

    MeJson(ObjectMapper mapper, Labels labels, String origin, String vkey) {
        this.mapper = mapper;
        this.labels = labels;
        this.origin = origin;
        this.vkey = vkey;
    }

    ObjectNode document(PersonalData d, String lang, boolean export) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", export ? EXPORT_FORMAT : VIEW_FORMAT);
        root.put("language", lang).put("direction", Messages.direction(lang));
        root.put("generatedAt", d.now().toString());
        ObjectNode person = root.putObject("person");
        person.put("id", d.personId().toString()).put("createdAt", d.createdAt().toString())
            .put("preferredLanguage", d.profile().preferredLanguage());
        d.profile().birthDate().ifPresent(b -> person.put("birthDate", b.toString()));
        root.set("data", data(d, lang));
        ArrayNode consents = root.putArray("consents");
        d.consents().forEach(c -> consents.add(consent(c, d, lang)));
        ArrayNode referrals = root.putArray("referrals");
        d.referrals().forEach(r -> referrals.add(referral(r, d, lang)));
        ArrayNode corrections = root.putArray("corrections");
        d.corrections().forEach(c -> corrections.add(correction(c, d.organisations(), lang)));
        root.set("erasure", erasures(d.erasures(), d.organisations(), lang));
        root.set("accessCodeRequests", codeRequests(d.codeRequests(), d.organisations(), lang));
        ArrayNode history = root.putArray("accessHistory");
        d.history().forEach(e -> history.add(event(e, d.organisations(), lang)));
        if (d.historyWithheld() > 0) {
            root.putObject("accessHistoryWithheld").put("count", d.historyWithheld())
                .put("message", labels.messages().format(lang, "history.withheld", Map.of("count", d.historyWithheld())));
        }
        ObjectNode ledger = root.putObject("ledger");
        ledger.put("origin", origin).put("vkey", vkey).put("checkpoint", "/ledger/checkpoint")
            .put("thisRequest", d.eventIndex());
        return root;
    }

    private ArrayNode data(PersonalData d, String lang) {
        Map<String, Map<String, List<RecordView>>> byOrg = new LinkedHashMap<>();
        for (RecordView r : d.records()) {
            byOrg.computeIfAbsent(r.organisation(), o -> new LinkedHashMap<>())
                .computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r);
        }
        ArrayNode out = mapper.createArrayNode();
        byOrg.forEach((org, categories) -> {
            ObjectNode holder = out.addObject();
            holder.set("organisation", organisation(org, d.organisations(), lang));
            ArrayNode cats = holder.putArray("categories");
            categories.forEach((code, records) -> {
                ObjectNode cat = cats.addObject();
                cat.put("category", code).put("label", labels.category(lang, code));
                ArrayNode rs = cat.putArray("records");
                for (RecordView r : records) {
                    ObjectNode rec = rs.addObject();
                    rec.put("id", r.id().toString()).put("purpose", r.purpose())
                        .put("purposeLabel", labels.purpose(lang, r.purpose())).put("createdAt", r.createdAt().toString());
                    try {
                        rec.set("data", mapper.readTree(r.data()));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("a stored record is not JSON", e);
                    }
                }
            });
        });
        return out;
    }

    private ObjectNode consent(Consent c, PersonalData d, String lang) {
        ObjectNode n = mapper.createObjectNode();
        ConsentStatus status = c.status(d.now());
        String state = status == ConsentStatus.WITHDRAWN ? "withdrawn" : status == ConsentStatus.EXPIRED ? "expired" : "given";
        n.put("id", c.id().toString()).put("schemaVersion", c.schemaVersion());
        n.set("controller", organisation(c.controller(), d.organisations(), lang));
        n.set("recipient", organisation(c.recipient(), d.organisations(), lang));
        n.set("purposes", coded(c.purposes(), p -> labels.purpose(lang, p)));
        n.set("categories", coded(c.categories(), k -> labels.category(lang, k)));
        n.set("legalBasis", mapper.valueToTree(c.legalBasis()));
        n.put("specialCategory", c.specialCategory()).put("language", c.language()).put("method", c.method().code())
            .put("privacyNotice", c.privacyNotice()).put("jurisdiction", c.jurisdiction()).put("retention", c.retention())
            .put("storageLocation", c.storageLocation()).put("howToWithdraw", c.withdrawalMethod())
            .put("givenAt", c.givenAt().toString());
        time(n, "expiresAt", c.expiresAt());
        time(n, "withdrawnAt", c.withdrawnAt());
        if (c.withdrawnAt().isPresent()) {
            n.set("withdrawnBy", c.withdrawnBy().map(o -> (com.fasterxml.jackson.databind.JsonNode) organisation(o, d.organisations(), lang))
                .orElse(mapper.getNodeFactory().nullNode()));
            n.put("withdrawnByLabel", c.withdrawnBy().map(o -> organisation(o, d.organisations(), lang).get("name").asText())
                .orElse(labels.role(lang, "person")));
        }
        c.guardianRelationship().ifPresent(rel -> n.putObject("guardian").put("relationship", rel)
            .put("relationshipLabel", labels.messages().text(lang, "guardian." + rel))
            .put("name", d.guardianNames().getOrDefault(c.id(), "")));
        n.put("state", c.state(d.now())).put("stateLabel", labels.status(lang, "consent", state));
        if (status == ConsentStatus.LIVE || status == ConsentStatus.NOT_YET) {
            n.put("withdraw", "/api/v1/me/consents/" + c.id() + "/withdraw");
        }
        return n;
    }

    private ObjectNode referral(Referral r, PersonalData d, String lang) {
        ObjectNode n = mapper.createObjectNode();
        String status = r.status().name().toLowerCase(Locale.ROOT);
        n.put("id", r.id().toString());
        n.set("from", organisation(r.from(), d.organisations(), lang));
        n.set("to", organisation(r.to(), d.organisations(), lang));
        n.put("purpose", r.purpose()).put("purposeLabel", labels.purpose(lang, r.purpose()));
        n.set("categories", coded(r.categories(), k -> labels.category(lang, k)));
        n.put("consentId", r.consentId().toString()).put("status", status)
            .put("statusLabel", labels.status(lang, "referral", status)).put("createdAt", r.createdAt().toString());
        time(n, "decidedAt", r.decidedAt());
        Optional.ofNullable(d.declineReasons().get(r.id())).ifPresent(reason -> n.put("declineReason", reason));
        return n;
    }

    ObjectNode correction(CorrectionView c, Map<String, Organisation> orgs, String lang) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", c.id().toString());
        n.set("organisation", organisation(c.organisation(), orgs, lang));
        c.recordId().ifPresent(r -> n.put("recordId", r.toString()));
        n.put("text", c.request()).put("status", c.status().code())
            .put("statusLabel", labels.status(lang, "correction", c.status().code()));
        c.answer().ifPresent(a -> n.put("answer", a));
        n.put("createdAt", c.createdAt().toString());
        time(n, "answeredAt", c.answeredAt());
        return n;
    }

    ArrayNode erasures(List<ErasureView> views, Map<String, Organisation> orgs, String lang) {
        ArrayNode out = mapper.createArrayNode();
        for (ErasureView e : views) {
            ObjectNode n = out.addObject();
            n.set("organisation", organisation(e.organisation(), orgs, lang));
            n.put("reason", e.reason()).put("status", e.status().code())
                .put("statusLabel", labels.status(lang, "erasure", e.status().code()));
            e.answer().ifPresent(a -> n.put("answer", a));
            n.put("requestedAt", e.requestedAt().toString());
            time(n, "answeredAt", e.answeredAt());
        }
        return out;
    }

    /** Requests for a new access code, with who asked and who approved: shown to the person prominently. */
    ArrayNode codeRequests(List<eu.haven.core.code.CodeRequestView> views, Map<String, Organisation> orgs, String lang) {
        ArrayNode out = mapper.createArrayNode();
        for (var r : views) {
            ObjectNode n = out.addObject();
            n.put("requestedAt", r.requestedAt().toString());
            n.set("requestedBy", mapper.createObjectNode().put("username", r.requestedBy())
                .set("organisation", organisation(r.organisation(), orgs, lang)));
            n.put("status", r.status().code()).put("statusLabel", labels.status(lang, "code-request", r.status().code()));
            time(n, "approvedAt", r.approvedAt());
            if (r.approvedBy().isPresent()) {
                n.set("approvedBy", mapper.createObjectNode().put("username", r.approvedBy().get())
                    .set("organisation", organisation(r.approverOrganisation().orElse(""), orgs, lang)));
            } else {
                n.putNull("approvedBy");
            }
            time(n, "issuedAt", r.issuedAt());
        }
        return out;
    }

    ObjectNode outcome(ErasureOutcome outcome, Map<String, Organisation> orgs, String lang) {
        ObjectNode n = mapper.createObjectNode();
        n.put("erased", outcome.erased());
        n.set("waiting", erasures(outcome.waiting(), orgs, lang));
        return n;
    }

    private ObjectNode event(LoggedEvent logged, Map<String, Organisation> orgs, String lang) {
        AccessEvent e = logged.event();
        ObjectNode n = mapper.createObjectNode();
        n.put("ledgerIndex", logged.index()).put("at", e.at().toString());
        String role = e.role().orElse("");
        if (e.organisation().isPresent()) {
            n.set("organisation", organisation(e.organisation().get(), orgs, lang));
        } else {
            n.putNull("organisation");
        }
        n.put("by", e.organisation().map(o -> organisation(o, orgs, lang).get("name").asText()).orElse(labels.role(lang, role)));
        n.put("role", role).put("roleLabel", labels.role(lang, role));
        n.put("purpose", e.purpose()).put("purposeLabel", labels.purpose(lang, e.purpose()));
        n.put("action", e.action()).put("actionLabel", labels.action(lang, e.action()));
        n.set("categories", coded(e.categories(), k -> labels.category(lang, k)));
        n.put("permitted", e.permitted())
            .put("outcome", labels.messages().text(lang, e.permitted() ? "outcome.permitted" : "outcome.refused"));
        if (e.permitted()) {
            n.put("summary", labels.action(lang, e.action()));
        } else {
            String reason = e.reason().orElse("");
            n.put("reason", reason).put("reasonLabel", labels.reason(lang, reason));
            n.put("summary", "not-completed".equals(reason) ? labels.action(lang, e.action()) + ". " + labels.reason(lang, reason)
                : labels.refused(lang, e.purpose(), "firewall".equals(reason)) + " " + labels.reason(lang, reason));
        }
        n.put("receipt", "/api/v1/me/receipts/" + logged.index());
        return n;
    }

    private ObjectNode organisation(String id, Map<String, Organisation> orgs, String lang) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", id).put("name", Optional.ofNullable(orgs.get(id)).map(Organisation::name).orElse(id));
        return n;
    }

    private ArrayNode coded(Collection<String> codes, java.util.function.Function<String, String> label) {
        ArrayNode out = mapper.createArrayNode();
        codes.forEach(c -> out.addObject().put("code", c).put("label", label.apply(c)));
        return out;
    }

    private static void time(ObjectNode n, String field, Optional<Instant> at) {
        at.ifPresentOrElse(t -> n.put(field, t.toString()), () -> n.putNull(field));
    }
}
