package eu.haven.web.ledger;

import eu.haven.core.audit.Ledger;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.ledger.TilePath;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The public read API of the access ledger, per c2sp.org/tlog-tiles under {@code /ledger/}: the
 * signed checkpoint, hash tiles, entry bundles and the verifier key. No authentication: entries
 * are commitments and carry no personal data.
 */
public final class LedgerRoutes {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private LedgerRoutes() {}

    public static void register(RoutesConfig routes, Ledger ledger) {
        routes.get("/ledger/checkpoint", ctx -> {
            open(ctx, "no-cache");
            ctx.contentType("text/plain; charset=utf-8").result(ledger.cosignedCheckpoint());
        });
        routes.get("/ledger/vkey", ctx -> {
            open(ctx, "public, max-age=300");
            ctx.contentType("text/plain; charset=utf-8").result(ledger.vkey() + "\n");
        });
        routes.get("/ledger/tile/<path>", ctx -> {
            TilePath path = TilePath.parse("tile/" + ctx.pathParam("path")).orElseThrow(LedgerRoutes::noSuchTile);
            byte[] tile = ledger.tile(path).orElseThrow(LedgerRoutes::noSuchTile);
            open(ctx, path.full() ? IMMUTABLE : "public, max-age=3600");
            ctx.contentType("application/octet-stream").result(tile);
        });
    }

    private static void open(Context ctx, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Access-Control-Allow-Origin", "*");
    }

    private static HavenException noSuchTile() {
        return new HavenException(ErrorCode.NOT_FOUND, "There is no such tile in the published log.");
    }
}
