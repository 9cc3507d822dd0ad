package eu.haven.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * The pages' one style sheet and one small script, each served under a name holding a hash of its content, so that browsers
 * may keep it for a year and still never use an old one.
 */
public final class Assets {
    private final byte[] css;
    private final String cssPath;
    private final byte[] js;
    private final String jsPath;

    public Assets() {
        css = read("/assets/haven.css");
        cssPath = "/assets/haven-" + hash(css) + ".css";
        js = read("/assets/haven.js");
        jsPath = "/assets/haven-" + hash(js) + ".js";
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] content) {
        return HexFormat.of().formatHex(eu.haven.ledger.Hashes.sha256(content)).substring(0, 12);
    }

    /** The one script (a warning before an idle session ends); the pages work without it. */
    public String jsPath() {
        return jsPath;
    }

    public byte[] js() {
        return js.clone();
    }

    public String cssPath() {
        return cssPath;
    }

    public byte[] css() {
        return css.clone();
    }
}
