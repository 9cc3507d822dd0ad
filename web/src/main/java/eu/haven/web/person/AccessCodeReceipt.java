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

    public static String html(Messages m, String lang, String code, String signInUrl, Date issued) {
        BitMatrix qr = qr(code);
        ReceiptView view = new ReceiptView(lang, Messages.direction(lang), m.text(lang, "receipt.title"), m.text(lang, "receipt.intro"),
            code.replace("-", " "), qr.getWidth(), qrPath(qr), m.text(lang, "receipt.qr"),
            m.format(lang, "receipt.where", Map.of("url", "\u2068" + signInUrl + "\u2069")), m.text(lang, "receipt.keep"),
            m.text(lang, "receipt.lost"), m.format(lang, "receipt.issued", Map.of("date", issued)));
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
}
