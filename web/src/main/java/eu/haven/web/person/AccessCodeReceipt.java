package eu.haven.web.person;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import eu.haven.web.i18n.Messages;
import java.util.Date;
import java.util.Map;

/**
 * The printable receipt a person takes home with their access code: in their language, right to
 * left where the language is, with the code in large letters and as a QR code (inline SVG, so it
 * prints without images or scripts).
 */
public final class AccessCodeReceipt {
    private AccessCodeReceipt() {}

    public static String html(Messages m, String lang, String code, String signInUrl, Date issued) {
        String dir = Messages.direction(lang);
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(esc(lang)).append("\" dir=\"").append(dir).append("\">\n<head>\n")
            .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(esc(m.text(lang, "receipt.title"))).append("</title>\n")
            .append("<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:1.5em auto;padding:0 1em;line-height:1.5;color:#111}")
            .append(".code{font-family:ui-monospace,monospace;font-size:1.6em;font-weight:bold;letter-spacing:.08em;")
            .append("border:2px solid #111;padding:.5em;text-align:center;word-spacing:.3em}")
            .append("svg{display:block;width:12em;height:12em;margin:1em auto}")
            .append("@media print{body{margin:0}}</style>\n</head>\n<body>\n<main>\n")
            .append("<h1>").append(esc(m.text(lang, "receipt.title"))).append("</h1>\n")
            .append("<p>").append(esc(m.text(lang, "receipt.intro"))).append("</p>\n")
            .append("<p class=\"code\" dir=\"ltr\" lang=\"en\">").append(esc(code.replace("-", " "))).append("</p>\n")
            .append(qrSvg(code, m.text(lang, "receipt.qr")))
            .append("<p>").append(esc(m.format(lang, "receipt.where", Map.of("url", "\u2068" + signInUrl + "\u2069")))).append("</p>\n")
            .append("<p>").append(esc(m.text(lang, "receipt.keep"))).append("</p>\n")
            .append("<p>").append(esc(m.text(lang, "receipt.lost"))).append("</p>\n")
            .append("<p><small>").append(esc(m.format(lang, "receipt.issued", Map.of("date", issued)))).append("</small></p>\n")
            .append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The QR code as an SVG path, one square per dark module. */
    static String qrSvg(String text, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("an access code does not fit a QR code", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
            + "\" role=\"img\" aria-label=\"" + esc(label) + "\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
