package eu.haven.web.me;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.audit.Ledger;
import eu.haven.core.correction.CorrectionService;
import eu.haven.core.correction.CorrectionView;
import eu.haven.core.erasure.ErasureOutcome;
import eu.haven.core.erasure.ErasureService;
import eu.haven.core.error.HavenException;
import eu.haven.core.rights.PersonSessions;
import eu.haven.core.rights.PersonalData;
import eu.haven.core.rights.RightsService;
import eu.haven.core.person.Self;
import eu.haven.core.staff.IssuedToken;
import eu.haven.web.Caller;
import eu.haven.web.ClientAddress;
import eu.haven.web.Requests;
import eu.haven.web.i18n.Labels;
import eu.haven.web.i18n.Messages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/me}: the person's own view, with an access code instead of an account. Every call
 * is recorded in the ledger by the services before anything is returned.
 */
public final class MeRoutes {
    record SessionRequest(String accessCode, String secret) {}

    record SessionJson(String token, Instant expiresAt) {}

    record CorrectionRequest(String organisation, UUID recordId, String text) {}

    private MeRoutes() {}

    public static void register(RoutesConfig routes, PersonSessions sessions, Caller caller, RightsService rights,
                                CorrectionService corrections, ErasureService erasure, Ledger ledger, Labels labels,
                                Requests requests, ObjectMapper mapper, ClientAddress clients) {
        MeJson json = new MeJson(mapper, labels, ledger.origin(), ledger.vkey());
        routes.post("/api/v1/me/session", ctx -> {
            SessionRequest body = requests.body(ctx, SessionRequest.class);
            IssuedToken token = sessions.signIn(body.accessCode(), Optional.ofNullable(body.secret()), clients.of(ctx));
            ctx.status(201).json(new SessionJson(token.token(), token.expiresAt()));
        });
        routes.post("/api/v1/me/activate", ctx -> {
            SessionRequest body = requests.body(ctx, SessionRequest.class);
            IssuedToken token = sessions.activate(body.accessCode(), body.secret(), clients.of(ctx));
            ctx.status(201).json(new SessionJson(token.token(), token.expiresAt()));
        });
        routes.post("/api/v1/me/sign-out", ctx -> {
            sessions.signOut(Requests.bearer(ctx));
            ctx.status(204);
        });
        routes.get("/api/v1/me", ctx -> {
            Self self = caller.self(ctx);
            PersonalData data = rights.view(self);
            ctx.json(json.document(data, language(ctx, labels.messages(), Optional.of(data.profile().preferredLanguage())), false));
        });
        routes.get("/api/v1/me/export", ctx -> {
            Self self = caller.self(ctx);
            PersonalData data = rights.export(self);
            ctx.header("Content-Disposition", "attachment; filename=\"haven-export.json\"");
            ctx.json(json.document(data, language(ctx, labels.messages(), Optional.of(data.profile().preferredLanguage())), true));
        });
        routes.get("/api/v1/me/receipts/{index}", ctx -> {
            Self self = caller.self(ctx);
            long index = eu.haven.web.PathIds.ledgerIndex(ctx.pathParam("index"));
            String receipt = rights.receipt(self, index);
            ctx.header("Content-Disposition", "attachment; filename=\"haven-receipt-" + index + ".tlog-proof\"");
            ctx.contentType("text/plain; charset=utf-8").result(receipt);
        });
        routes.post("/api/v1/me/consents/{id}/withdraw", ctx -> {
            Self self = caller.self(ctx);
            var consent = rights.withdrawConsent(self, Requests.uuid(ctx, "id"));
            ctx.json(new WithdrawnJson(consent.id(), consent.state(consent.withdrawnAt().orElseThrow()), consent.withdrawnAt().orElseThrow()));
        });
        routes.post("/api/v1/me/corrections", ctx -> {
            Self self = caller.self(ctx);
            CorrectionRequest body = requests.body(ctx, CorrectionRequest.class);
            CorrectionView created = corrections.request(self, body.organisation(), Optional.ofNullable(body.recordId()),
                body.text() == null ? null : body.text().replace("\r\n", "\n"));
            String lang = language(ctx, labels.messages(), rights.language(self));
            ctx.status(201).json(json.correction(created, rights.organisations(), lang));
        });
        routes.post("/api/v1/me/erasure", ctx -> {
            Self self = caller.self(ctx);
            String lang = language(ctx, labels.messages(), rights.language(self));
            ErasureOutcome outcome = erasure.request(self);
            ctx.status(outcome.erased() ? 200 : 202).json(json.outcome(outcome, rights.organisations(), lang));
        });
    }

    record WithdrawnJson(UUID id, String state, Instant withdrawnAt) {}

    /** {@code ?lang=}, then the person's preferred language, then Accept-Language, then English. */
    static String language(Context ctx, Messages messages, Optional<String> preferred) {
        return messages.choose(List.of(Optional.ofNullable(ctx.queryParam("lang")), preferred,
            Optional.ofNullable(ctx.header("Accept-Language"))));
    }

}
