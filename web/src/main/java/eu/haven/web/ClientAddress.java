package eu.haven.web;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Where a request comes from, for throttling guesses of access codes. Behind a reverse proxy every
 * request comes from the proxy; when the direct peer is one of the trusted proxies, the address the
 * proxy appended last to {@code X-Forwarded-For} is used instead. Never logged.
 */
public final class ClientAddress {
    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** Whether this direct peer is one of the trusted reverse proxies. */
    public boolean trusts(String peer) {
        return trustedProxies.contains(peer);
    }

    public String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }
}
