package eu.haven.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.error.RetryLater;
import eu.haven.web.auth.AuthRoutes;
import eu.haven.web.consent.ConsentRoutes;
import eu.haven.web.correction.CorrectionRoutes;
import eu.haven.web.erasure.ErasureRoutes;
import eu.haven.web.i18n.Labels;
import eu.haven.web.i18n.Messages;
import eu.haven.web.me.MeRoutes;
import eu.haven.web.framework.FrameworkRoutes;
import eu.haven.web.ledger.LedgerRoutes;
import eu.haven.web.person.PersonRoutes;
import eu.haven.web.record.RecordRoutes;
import eu.haven.web.referral.ReferralRoutes;
import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API. Handlers only convert: they call a service and turn its answer or its
 * {@link HavenException} into JSON. Errors are mapped to statuses in {@link ErrorStatus} only.
 * The request log names the route template, never the path, so no identifier reaches the log.
 */
public final class HavenApi {
    private static final Logger LOG = LoggerFactory.getLogger("haven.http");

    private HavenApi() {}

    /** Where the server listens, and how long it waits on clients. */
    public record Listen(String host, int port, Duration idleTimeout, int connectionsPerAddress, int minBytesPerSecond,
                         Optional<String> publicUrl) {
        public static Listen on(String host, int port) {
            return new Listen(host, port, Duration.ofSeconds(15), 64, 256, Optional.empty());
        }

        public Listen withConnectionsPerAddress(int limit) {
            return new Listen(host, port, idleTimeout, limit, minBytesPerSecond, publicUrl);
        }

        /** The address people are given (printed on access-code receipts): configured, never taken from a request. */
        public Listen withPublicUrl(Optional<String> url) {
            return new Listen(host, port, idleTimeout, connectionsPerAddress, minBytesPerSecond, url);
        }

        boolean https() {
            return publicUrl.filter(u -> u.startsWith("https://")).isPresent();
        }
    }

    /**
     * {@code clients} says where a request comes from (behind trusted proxies: X-Forwarded-For).
     * Slow clients cannot starve the server: a connection silent for {@code idleTimeout} is closed,
     * a body arriving slower than {@code minBytesPerSecond} is refused (408), and one address holds
     * at most {@code connectionsPerAddress} connections.
     */
    public static Javalin create(ApiServices s, ClientAddress clients, Listen listen) {
        ObjectMapper mapper = Json.mapper();
        Requests requests = new Requests(mapper);
        Caller caller = new Caller(s.auth(), s.purposes(), s.sessions());
        // One timer per method, route template and status: a bounded set, and no identifier in any label.
        java.util.Map<String, io.micrometer.core.instrument.Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = Requests.MAX_BODY;
            config.http.defaultContentType = "application/json";
            config.http.prefer405over404 = true;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setMinRequestDataRate(listen.minBytesPerSecond());
                http.setSendServerVersion(false);
            });
            ConnectionLimit limit = new ConnectionLimit(listen.connectionsPerAddress(), clients);
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(listen.host());
                connector.setPort(listen.port());
                connector.setIdleTimeout(listen.idleTimeout().toMillis());
                connector.addEventListener(limit);
                return connector;
            });
            JsonErrorHandler errors = new JsonErrorHandler(mapper);
            config.jetty.modifyServer(server -> server.setErrorHandler(errors));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
            // Javalin copies each response into Jetty through a buffer of this size, allocated per
            // response; its default (Jetty's 32 KiB output buffer) made most of the server's garbage.
            config.http.responseBufferSize = 4096;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.requestLogger.http((ctx, ms) -> {
                String route = template(ctx);
                LOG.info("{} {} {} {}ms", ctx.method(), route, ctx.status().getCode(), Math.round(ms));
                String method = ctx.method().name();
                String status = Integer.toString(ctx.status().getCode());
                timers.computeIfAbsent(method + " " + route + " " + status, k -> io.micrometer.core.instrument.Timer
                        .builder("haven.http.requests").tag("method", method).tag("route", route).tag("status", status)
                        .register(s.metrics().registry()))
                    .record(Math.round(ms * 1000), java.util.concurrent.TimeUnit.MICROSECONDS);
            });
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", "no-store");
                ctx.header("Referrer-Policy", "no-referrer");
                // JSON is never a page: nothing it might contain may load, run or be framed.
                ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                if (listen.https()) {
                    ctx.header("Strict-Transport-Security", "max-age=31536000");
                }
            });
            config.routes.beforeMatched(caller::establish);
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/metrics", ctx -> {
                String expected = s.metrics().token().orElseThrow(HavenException::notFound);
                String given = Requests.bearer(ctx).orElse("");
                if (!java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    throw new HavenException(ErrorCode.UNAUTHORIZED, "Send the metrics token as a bearer token.");
                }
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape().get());
            });
            config.routes.get("/ready", ctx -> {
                if (!s.ready().getAsBoolean()) {
                    throw new HavenException(ErrorCode.LEDGER_UNAVAILABLE,
                        "The access ledger or the database cannot be reached: no data can be served until they can.");
                }
                ctx.json(Map.of("status", "ready"));
            });
            Labels labels = new Labels(s.framework(), Messages.bundled());
            eu.haven.web.authority.RefusalLetters letters = letters(s, listen);
            // The pages first: Javalin tries a request's path against each route of its method in the order they were
            // added, a regular expression each, and the pages are what people load most (the API's 70-odd GET routes
            // before them were a tenth of a staff page's request thread). No page's path overlaps the API's (/api/...).
            eu.haven.web.page.Pages.register(config.routes, s, labels, mapper, clients, listen.https(), listen.publicUrl(), letters);
            FrameworkRoutes.register(config.routes, s.framework(), s.firewall(), mapper);
            AuthRoutes.register(config.routes, s.auth(), caller, requests, clients);
            eu.haven.web.admin.AdminRoutes.register(config.routes, s.staffAdmin(), caller, requests, s.backups());
            PersonRoutes.register(config.routes, s.persons(), caller, requests, labels.messages(), listen.publicUrl());
            eu.haven.web.code.AccessCodeRoutes.register(config.routes, s.codes(), caller, labels.messages());
            eu.haven.web.alert.AlertRoutes.register(config.routes, s.alerts(), caller, requests);
            eu.haven.web.equality.EqualityRoutes.register(config.routes, s.oversight().equality(), caller);
            eu.haven.web.complaint.ComplaintRoutes.register(config.routes, s.oversight().complaints(), s.rights(), caller, requests);
            eu.haven.web.algorithm.AlgorithmRoutes.register(config.routes, s.oversight().algorithms(), caller, requests);
            eu.haven.web.oversight.OversightRoutes.register(config.routes, s.oversight().inspections(), s.ledger(), caller);
            eu.haven.web.authority.AuthorityRoutes.register(config.routes, s.oversight().authority(), caller, requests, letters);
            RecordRoutes.register(config.routes, s.records(), caller, requests, mapper);
            ConsentRoutes.register(config.routes, s.consents(), caller, requests);
            ReferralRoutes.register(config.routes, s.referrals(), caller, requests);
            LedgerRoutes.register(config.routes, s.ledger());
            MeRoutes.register(config.routes, s.sessions(), caller, s.rights(), s.corrections(), s.erasure(), s.ledger(), labels,
                requests, mapper, clients);
            CorrectionRoutes.register(config.routes, s.corrections(), caller, requests);
            ErasureRoutes.register(config.routes, s.erasure(), caller, requests);
            eu.haven.web.directory.DirectoryRoutes.register(config.routes, s.directoryEdits(), caller, requests);
            eu.haven.web.hsds.HsdsRoutes.register(config.routes, s.navigator(), publicBase(listen));
            config.routes.exception(HavenException.class, (e, ctx) -> {
                if (e instanceof RetryLater later) {
                    ctx.header("Retry-After", Long.toString(later.seconds()));
                }
                ctx.status(ErrorStatus.of(e.code())).json(ApiError.of(e.code(), e.getMessage(), e.field()));
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 405) {
                    Optional.ofNullable(e.getDetails().get("availableMethods")).ifPresent(allow -> ctx.header("Allow", allow));
                }
                ctx.status(ErrorStatus.of(ApiError.codeFor(e.getStatus()))).json(ApiError.ofStatus(e.getStatus()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unexpected failure on {} {}:\n{}", ctx.method(), template(ctx), eu.haven.core.error.Failures.trace(e));
                fail(ctx, ErrorCode.INTERNAL, "Something went wrong on our side. Nothing was changed by this request.");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    fail(ctx, ErrorCode.NOT_FOUND, HavenException.NOT_FOUND_MESSAGE);
                }
            });
            config.routes.error(405, ctx -> fail(ctx, ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here."));
        });
    }

    /** The refusal letters, naming the sender by its organisation's name and citing the framework at the public address. */
    private static eu.haven.web.authority.RefusalLetters letters(ApiServices s, Listen listen) {
        return new eu.haven.web.authority.RefusalLetters(s.framework(),
            id -> Optional.ofNullable(s.rights().organisations().get(id)).map(eu.haven.core.staff.Organisation::name).orElse(id),
            publicBase(listen));
    }

    /** Where this server is reached from outside: the configured public address, else its own host and port. */
    private static String publicBase(Listen listen) {
        return listen.publicUrl().orElse("http://" + ("0.0.0.0".equals(listen.host()) ? "localhost" : listen.host()) + ":" + listen.port());
    }

    private static void fail(Context ctx, ErrorCode code, String message) {
        ctx.status(ErrorStatus.of(code)).json(ApiError.of(code, message));
    }

    private static String template(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "(no route)";
        }
    }
}
