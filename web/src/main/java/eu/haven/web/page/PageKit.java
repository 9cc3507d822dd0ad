package eu.haven.web.page;

import eu.haven.web.i18n.Messages;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every page shares: the precompiled templates, the language chosen for the request, the
 * layout's frame, the form token, and the headers of a page (a Content-Security-Policy that allows
 * only Haven's own style sheet, no framing, no referrer, no caching).
 */
public final class PageKit {
    /** Only Haven's own style sheet and script file (no inline script or style), no frame, no form posted anywhere else. */
    public static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final Map<String, String> NAMES = Map.of("en", "English", "de", "Deutsch", "fr", "Français",
        "uk", "Українська", "ru", "Русский", "ar", "العربية", "fa", "فارسی", "ti", "ትግርኛ", "so", "Soomaali");

    /** A language named in itself (never a flag): English, Deutsch, العربية, ... */
    public static String languageName(String code) {
        return NAMES.getOrDefault(code, code);
    }

    private final Csrf csrf;
    private final Assets assets;
    private final ZoneId zone;
    private final boolean secure;

    public PageKit(Csrf csrf, Assets assets, ZoneId zone, boolean secure) {
        this.csrf = csrf;
        this.assets = assets;
        this.zone = zone;
        this.secure = secure;
    }

    public Csrf csrf() {
        return csrf;
    }

    public Assets assets() {
        return assets;
    }

    /** True when Haven is served over TLS: cookies are then Secure. */
    public boolean secure() {
        return secure;
    }

    /**
     * The page's language from {@code bundles[0]}'s languages: {@code ?lang=}, then the person's own
     * preferred language where known, then the browser's Accept-Language, then English.
     */
    public PageText text(Context ctx, List<Messages> bundles, Optional<String> preferred) {
        Messages first = bundles.get(0);
        Optional<String> asked = Optional.ofNullable(ctx.queryParam("lang")).filter(l -> first.languages().contains(l));
        String lang = first.choose(List.of(asked, preferred, Optional.ofNullable(ctx.header("Accept-Language"))));
        return new PageText(lang, bundles, zone, asked.isPresent());
    }

    /** The layout's frame for a page: its title, the language links of this very page, the form token. */
    public Frame frame(Context ctx, PageText t, Messages languages, String title, Frame.Area area) {
        List<Frame.LangLink> links = new ArrayList<>();
        for (String code : Messages.LANGUAGES) {
            if (languages.languages().contains(code)) {
                links.add(new Frame.LangLink(code, NAMES.get(code), ctx.path() + "?lang=" + code, code.equals(t.lang())));
            }
        }
        return new Frame(t, title, false, assets.cssPath(), links, csrf.token(ctx), area, Optional.empty(), List.of(),
            Optional.empty(), Optional.empty(), "/", assets.jsPath(), 0);
    }

    /**
     * The frame of a public page: no form token and so no cookie at all, and language links that keep the page's
     * other parameters (a search stays the same search in another language).
     */
    public Frame publicFrame(Context ctx, PageText t, Messages languages, String title) {
        StringBuilder rest = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("lang")) {
                values.forEach(v -> rest.append('&').append(encode(name)).append('=').append(encode(v)));
            }
        });
        List<Frame.LangLink> links = new ArrayList<>();
        for (String code : Messages.LANGUAGES) {
            if (languages.languages().contains(code)) {
                links.add(new Frame.LangLink(code, NAMES.get(code), ctx.path() + "?lang=" + code + rest, code.equals(t.lang())));
            }
        }
        return new Frame(t, title, false, assets.cssPath(), links, "", Frame.Area.PUBLIC, Optional.empty(), List.of(),
            Optional.empty(), Optional.empty(), "/", assets.jsPath(), 0);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Sends a page: the template's HTML with a page's headers. */
    public void render(Context ctx, int status, String template, Map<String, Object> params) {
        // Rendered straight to UTF-8: the templates' own text is encoded once, at build time.
        int hint = SIZES.getOrDefault(template, 0);
        PageBytes out = new PageBytes(hint > 0 ? hint : 8 * 1024);
        TEMPLATES.render(template, params, out);
        if (out.size() > hint || out.size() < hint / 2) {
            SIZES.put(template, out.size() + out.size() / 8);
        }
        headers(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8");
        if (status != 200) {
            // As a result, which the error handlers see (a 404 without one gets the API's answer).
            ctx.result(out.stream());
            return;
        }
        // Written at once (compressed when the browser asks), rather than copied through a stream 8 KB at a time.
        try {
            ctx.outputStream().write(out.bytes(), 0, out.size());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The size of a page each template rendered lately, and an eighth more: its pages are rendered into an array that size
     * (a timeline page of twenty accesses is some 28 KB, a caseload 4 KB), so that they seldom grow one or waste one.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> SIZES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A page's headers (the JSON defaults are replaced; no-store and nosniff stay). */
    public static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    /** After a form: back to a page with GET, so that reloading does not post again. */
    public static void redirect(Context ctx, String location) {
        headers(ctx);
        ctx.status(303).header("Location", location).result("");
    }
}
