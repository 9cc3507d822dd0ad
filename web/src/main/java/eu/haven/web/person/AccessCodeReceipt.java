package eu.haven.web.person;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import eu.haven.web.i18n.Messages;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Date;
import java.util.Map;

/**
 * The printable receipt a person takes home with their access code: in their language, right to
 * left where the language is, with the code in large letters and as a QR code (inline SVG, so it
 * prints without images or scripts). The page is the precompiled template
 * {@code src/main/jte/receipt/AccessCodeReceipt.jte}, which escapes every value.
 */
public final class AccessCodeReceipt {
    private AccessCodeReceipt() {}

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    /** The receipt's one style sheet, inline so that it prints on its own; allowed by its hash, not by 'unsafe-inline'. */
    static final String CSS = "body{font-family:system-ui,sans-serif;max-width:40em;margin:1.5em auto;padding:0 1em;line-height:1.5;"
        + "color:#111}.code{font-family:ui-monospace,monospace;font-size:1.6em;font-weight:bold;letter-spacing:.08em;"
        + "border:2px solid #111;padding:.5em;text-align:center;word-spacing:.3em}svg{display:block;width:12em;height:12em;"
        + "margin:1em auto}@media print{body{margin:0}}";
    /** The receipt's Content-Security-Policy: nothing but its own style sheet, no framing, no forms, no base. */
    public static final String CSP = "default-src 'none'; style-src 'sha256-" + java.util.Base64.getEncoder().encodeToString(
        eu.haven.ledger.Hashes.sha256(CSS.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static String html(Messages m, String lang, String code, String signInUrl, Date issued) {
        BitMatrix qr = qr(code);
        ReceiptView view = new ReceiptView(lang, Messages.direction(lang), m.text(lang, "receipt.title"), m.text(lang, "receipt.intro"),
            code.replace("-", " "), qr.getWidth(), qrPath(qr), m.text(lang, "receipt.qr"),
            m.format(lang, "receipt.where", Map.of("url", "\u2068" + signInUrl + "\u2069")), m.text(lang, "receipt.keep"),
            m.text(lang, "receipt.lost"), m.format(lang, "receipt.issued", Map.of("date", issued)), CSS);
        StringOutput out = new StringOutput(8192);
        TEMPLATES.render("receipt/AccessCodeReceipt.jte", view, out);
        return out.toString();
    }

    private static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("an access code does not fit a QR code", e);
        }
    }

    /** The QR code as an SVG path, one square per dark module. */
    static String qrPath(BitMatrix matrix) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return path.toString();
    }

    /**
     * Where the receipt tells the person to sign in: the configured public address (never one taken from a request),
     * else this machine's own, and the portal's sign-in page there (the site's root is the public navigator).
     */
    public static String signInAddress(java.util.Optional<String> publicUrl, int localPort) {
        return publicUrl.map(u -> u.endsWith("/") ? u : u + "/").orElse("http://localhost:" + localPort + "/") + "me/sign-in";
    }
}
