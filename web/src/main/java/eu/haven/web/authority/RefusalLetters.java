package eu.haven.web.authority;

import eu.haven.core.authority.AuthorityRequest;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.web.i18n.Messages;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The printable letter that answers a refused authority request, in the requester's language
 * ({@code i18n/letter_<lang>}: en, de, fr). It cites the published data-sharing framework and the
 * firewall, and neither confirms nor denies that anyone named is known: it names no person.
 */
public final class RefusalLetters {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    static final String CSS = "body{font-family:Georgia,serif;max-width:42em;margin:2em auto;padding:0 1.5em;line-height:1.55;color:#111}"
        + ".from{text-align:end}.meta{margin:1.5em 0}h1{font-size:1.2em}.sign{margin-top:3em}@media print{body{margin:0}}";
    /** Nothing but its own style sheet, no framing, no forms. */
    public static final String CSP = "default-src 'none'; style-src 'sha256-" + java.util.Base64.getEncoder().encodeToString(
        eu.haven.ledger.Hashes.sha256(CSS.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final Messages texts = Messages.letters();
    private final Framework framework;
    private final Function<String, String> organisationName;
    private final String frameworkUrl;

    public RefusalLetters(Framework framework, Function<String, String> organisationName, String publicBase) {
        this.framework = framework;
        this.organisationName = organisationName;
        this.frameworkUrl = (publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase) + "/api/v1/framework";
    }

    /** The letter for a refused request; a request that was not refused has none (409). */
    public String html(AuthorityRequest r) {
        boolean automatic = r.status() == AuthorityRequest.Status.REFUSED_AUTOMATICALLY;
        if (!automatic && r.status() != AuthorityRequest.Status.REFUSED) {
            throw new HavenException(ErrorCode.CONFLICT, "Only a refused request has a refusal letter.");
        }
        String lang = r.letterLanguage();
        Date received = Date.from(r.receivedAt());
        Date decided = Date.from(r.decidedAt().orElse(r.receivedAt()));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(texts.format(lang, "letter.opening", Map.of("received", received)));
        if (automatic) {
            String root = r.firewallRoot().map(x -> x.substring(x.lastIndexOf('#') + 1)).orElse("LawEnforcement");
            paragraphs.add(texts.format(lang, "letter.firewall", Map.of("use", texts.text(lang, "letter.root." + root))));
            if (r.bodyType().alwaysRefused()) {
                paragraphs.add(texts.text(lang, "letter.body." + r.bodyType().code()));
            }
        } else {
            paragraphs.add(texts.format(lang, "letter.reviewed", Map.of("note", r.decisionNote().orElse(""))));
        }
        paragraphs.add(texts.format(lang, "letter.framework", Map.of("id", framework.id(), "version", framework.version(),
            "url", frameworkUrl)));
        paragraphs.add(texts.text(lang, "letter.no-confirmation"));
        paragraphs.add(texts.text(lang, "letter.recorded"));
        LetterView view = new LetterView(lang, texts.text(lang, "letter.title"), organisationName.apply(r.organisation()),
            texts.format(lang, "letter.date", Map.of("date", decided)), texts.text(lang, "letter.to"), r.body(),
            texts.format(lang, "letter.subject", Map.of("reference", r.legalReference(), "received", received)),
            List.copyOf(paragraphs), texts.text(lang, "letter.signature"), CSS);
        StringOutput out = new StringOutput(8192);
        TEMPLATES.render("letter/RefusalLetter.jte", view, out);
        return out.toString();
    }

    /** Answers with the letter as a page of its own, to print. */
    public void render(Context ctx, AuthorityRequest r) {
        String html = html(r);
        ctx.header("Content-Security-Policy", CSP);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
