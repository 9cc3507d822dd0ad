package eu.haven.web;

import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.AuthService;
import io.javalin.http.Context;

/** Who calls and why: the bearer token's staff member (401 first), then the Purpose header (400). */
public final class Caller {
    private static final String ACTOR = "haven.actor";
    private final AuthService auth;
    private final PurposeResolver purposes;

    public Caller(AuthService auth, PurposeResolver purposes) {
        this.auth = auth;
        this.purposes = purposes;
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
