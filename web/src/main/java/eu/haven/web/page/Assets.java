package eu.haven.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * The pages' one style sheet, served under a name holding a hash of its content, so that browsers
 * may keep it for a year and still never use an old one.
 */
public final class Assets {
    private final byte[] css;
    private final String cssPath;

    public Assets() {
        try (InputStream in = Assets.class.getResourceAsStream("/assets/haven.css")) {
            if (in == null) {
                throw new IllegalStateException("the style sheet is missing from the build");
            }
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = HexFormat.of().formatHex(eu.haven.ledger.Hashes.sha256(css)).substring(0, 12);
        cssPath = "/assets/haven-" + hash + ".css";
    }

    public String cssPath() {
        return cssPath;
    }

    public byte[] css() {
        return css.clone();
    }
}
