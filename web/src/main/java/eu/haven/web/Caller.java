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
        Actor actor = auth.authenticate(Requests.header(ctx, "Authorization"));
        ctx.attribute(ACTOR, actor);
        return actor;
    }

    /** The declared purpose; the caller is authenticated first, so that strangers learn nothing. */
    public RequestedPurpose purpose(Context ctx) {
        actor(ctx);
        return purposes.resolve(Requests.header(ctx, "Purpose"));
    }
}
