package eu.haven.web;

import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.AuthService;
import io.javalin.http.Context;

/**
 * Who calls and why. Every route belongs to a group ({@link #group}): public, the person's own
 * (their session token), or staff (the bearer token's member of staff, then the Purpose header).
 * The caller is established once, before the handler runs; a route under {@code /api/v1/} is
 * staff-only unless it is named public or the person's here, so a new route is closed by default.
 */
public final class Caller {
    private static final String ACTOR = "haven.actor";
    private static final String SELF = "haven.self";
    private static final java.util.Set<String> PUBLIC = java.util.Set.of("/api/v1/auth/token", "/api/v1/auth/sign-out",
        "/api/v1/framework", "/api/v1/me/session", "/api/v1/me/activate", "/api/v1/me/sign-out");

    /** The kinds of caller a route expects. */
    public enum Group { PUBLIC, PERSON, STAFF }

    private final AuthService auth;
    private final PurposeResolver purposes;
    private final eu.haven.core.rights.PersonSessions sessions;

    public Caller(AuthService auth, PurposeResolver purposes, eu.haven.core.rights.PersonSessions sessions) {
        this.auth = auth;
        this.purposes = purposes;
        this.sessions = sessions;
    }

    /** The group of a request path: everything under /api/v1/ is staff's unless listed as public or the person's. */
    public static Group group(String requested) {
        String path = requested.length() > 1 && requested.endsWith("/") ? requested.substring(0, requested.length() - 1) : requested;
        if (!path.startsWith("/api/v1/") || PUBLIC.contains(path)) {
            return Group.PUBLIC;
        }
        return path.equals("/api/v1/me") || path.startsWith("/api/v1/me/") ? Group.PERSON : Group.STAFF;
    }

    /** Establishes the caller for the request's group (401 when there is none), before any handler runs. */
    public void establish(Context ctx) {
        switch (group(ctx.path())) {
            case STAFF -> actor(ctx);
            case PERSON -> self(ctx);
            case PUBLIC -> { }
        }
    }

    /** The person signed in with their own access code. */
    public eu.haven.core.person.Self self(Context ctx) {
        eu.haven.core.person.Self cached = ctx.attribute(SELF);
        if (cached != null) {
            return cached;
        }
        eu.haven.core.person.Self self = sessions.authenticate(Requests.bearer(ctx));
        ctx.attribute(SELF, self);
        return self;
    }

    public Actor actor(Context ctx) {
        Actor cached = ctx.attribute(ACTOR);
        if (cached != null) {
            return cached;
        }
        Actor actor = auth.authenticate(Requests.bearer(ctx));
        ctx.attribute(ACTOR, actor);
        return actor;
    }

    /** The declared purpose, when the request declares one at all (for routes where staff without case data may call). */
    public java.util.Optional<RequestedPurpose> optionalPurpose(Context ctx) {
        actor(ctx);
        return ctx.header("Purpose") == null ? java.util.Optional.empty() : java.util.Optional.of(purpose(ctx));
    }

    /** The declared purpose (every Purpose header, so that two cannot pass as one); the caller is authenticated first, so that strangers learn nothing. */
    public RequestedPurpose purpose(Context ctx) {
        actor(ctx);
        java.util.List<String> declared = new java.util.ArrayList<>();
        java.util.Enumeration<String> values = ctx.req().getHeaders("Purpose");
        while (values != null && values.hasMoreElements()) {
            declared.add(values.nextElement());
        }
        return purposes.resolve(declared);
    }
}
