package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * axe-core (the npm package, installed by .ci/run into .ci/axe) run in Chromium over every page,
 * the person's in English, Arabic and Tigrinya, the staff's in English: no violation of serious or critical
 * impact. The script is injected through the browser's DevTools, since the pages themselves allow none.
 */
class AccessibilityTest {
    static final Path AXE = Path.of("..", ".ci", "axe", "node_modules", "axe-core", "axe.min.js");
    private static TestServer server;
    private static String axe;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isReadable(AXE);
        if (!present && "required".equals(System.getenv("HAVEN_BROWSER_TESTS"))) {
            throw new AssertionError("HAVEN_BROWSER_TESTS=required, but chromium-driver or axe-core (npm ci --prefix .ci/axe) is missing");
        }
        Assumptions.assumeTrue(present, "needs chromium-driver and axe-core (.ci/run installs both)");
        axe = Files.readString(AXE);
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** axe-core's script, read once. */
    static synchronized String script() {
        if (axe == null) {
            try {
                axe = Files.readString(AXE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return axe;
    }

    static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1366,900");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .usingAnyFreePort().build(), options);
    }

    static final Path SHOTS = Path.of("target", "screenshots", "every-page");
    private static int shot;

    /** The serious and critical violations axe finds on the page the browser shows (kept as a screenshot too). */
    static List<String> violations(WebDriver d) {
        try {
            Files.createDirectories(SHOTS);
            String name = d.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id")
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            Files.write(SHOTS.resolve(String.format("%03d-%s.png", ++shot, name.isEmpty() ? "root" : name)),
                ((org.openqa.selenium.TakesScreenshot) d).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return axe(d);
    }

    @SuppressWarnings("unchecked")
    static List<String> axe(WebDriver d) {
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript(script());
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
                + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))})).catch(e => done({error: String(e)}));");
        assertThat(result.get("error")).as("axe ran").isNull();
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                out.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        return out;
    }

    static void submit(WebDriver d) {
        org.openqa.selenium.WebElement old = d.findElement(By.tagName("html"));
        d.findElement(By.cssSelector("main form button[type=submit]")).click();
        for (int i = 0; i < 200; i++) {
            try {
                old.getTagName();
                Thread.sleep(50);
            } catch (org.openqa.selenium.WebDriverException e) {
                // stale, or no longer in the document: the new page has replaced it
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        for (int i = 0; i < 100 && d.findElements(By.tagName("main")).isEmpty(); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (d.findElements(By.tagName("main")).isEmpty()) {
            throw new AssertionError("after a form, no page: " + d.getCurrentUrl() + "\n" + d.getPageSource());
        }
    }

    @Test
    void no_page_has_a_serious_or_critical_violation() throws Exception {
        String staffToken = server.login("shelter.worker");
        var created = server.send("POST", "/api/v1/persons", staffToken, "shelter",
            "{\"displayName\":\"Amina Yusuf\",\"preferredLanguage\":\"ar\"}");
        String id = created.body().get("id").asText();
        String code = created.body().get("accessCode").asText();
        server.send("POST", "/api/v1/persons/" + id + "/records", staffToken, "shelter",
            "{\"category\":\"housing\",\"data\":{\"room\":\"12\"}}");
        server.send("POST", "/api/v1/persons/" + id + "/consents", staffToken, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\",\"legal\"],\"method\":\"written\",\"language\":\"ar\"}");
        server.send("GET", "/api/v1/persons/" + id + "/records", staffToken, "immigration-enforcement", null);
        Map<String, List<String>> found = new LinkedHashMap<>();
        WebDriver d = browser();
        try {
            for (String lang : List.of("en", "ar", "ti")) {
                d.manage().deleteAllCookies();
                d.get(server.base() + "/me/sign-in?lang=" + lang);
                found.put(lang + " /", violations(d));
                if (lang.equals("en")) {
                    // The check can fail: a field planted without a label is reported.
                    ((JavascriptExecutor) d).executeScript("document.querySelector('main form').insertAdjacentHTML('beforeend', "
                        + "'<input type=text name=planted>')");
                    assertThat(axe(d)).anySatisfy(v -> assertThat(v).startsWith("label (critical)"));
                    d.get(server.base() + "/me/sign-in?lang=" + lang);
                }
                d.findElement(By.id("code")).sendKeys(code);
                submit(d);
                found.put(lang + " sign-in error or activation", violations(d));
                if (!d.findElements(By.cssSelector("input[name=secret][autocomplete=new-password]")).isEmpty()) {
                    d.findElement(By.id("secret")).sendKeys("2468");
                    submit(d);
                } else {
                    d.get(server.base() + "/me/sign-in?lang=" + lang);
                    d.findElement(By.id("code")).sendKeys(code);
                    d.findElement(By.id("secret")).sendKeys("2468");
                    submit(d);
                }
                for (String page : List.of("/me", "/me/history", "/me/correction", "/me/erasure", "/me/complaint")) {
                    d.get(server.base() + page + "?lang=" + lang);
                    assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                    found.put(lang + " " + page, violations(d));
                }
                d.get(server.base() + "/me/correction?lang=" + lang);
                submit(d);
                found.put(lang + " /me/correction with errors", violations(d));
                d.get(server.base() + "/me?lang=" + lang);
                d.findElement(By.cssSelector("a[href*='/withdraw']")).click();
                found.put(lang + " withdraw confirmation", violations(d));
                d.get(server.base() + "/me/receipts/not-a-number?lang=" + lang);
                found.put(lang + " error page", violations(d));
            }
            d.manage().deleteAllCookies();
            d.get(server.base() + "/staff/sign-in?lang=de");
            found.put("staff sign-in de", violations(d));
            d.get(server.base() + "/staff/sign-in");
            found.put("staff sign-in", violations(d));
            submit(d);
            found.put("staff sign-in with errors", violations(d));
            d.findElement(By.id("username")).sendKeys("shelter.worker");
            d.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
            submit(d);
            found.put("staff purpose", violations(d));
            d.findElement(By.cssSelector("input[name=purpose][value='shelter']")).click();
            submit(d);
            for (String page : List.of("/staff/people", "/staff/people?q=amina", "/staff/people/new", "/staff/people/" + id,
                "/staff/people/" + id + "/consents/new?language=ar", "/staff/people/" + id + "/records/new?category=family", "/staff/people/" + id + "/history",
                "/staff/inbox", "/staff/requests")) {
                d.get(server.base() + page);
                found.put("staff " + page, violations(d));
            }
            d.get(server.base() + "/staff/people/new");
            submit(d);
            found.put("staff new person with errors", violations(d));
            for (String page : List.of("/staff/people?lang=de", "/staff/people/" + id + "?lang=de", "/staff/requests?lang=de")) {
                d.get(server.base() + page);
                found.put("staff " + page, violations(d));
            }
            d.get(server.base() + "/staff/people/" + id);
            d.findElement(By.partialLinkText("consent text")).click();
            found.put("staff consent text", violations(d));
            d.manage().deleteAllCookies();
            d.get(server.base() + "/staff/sign-in");
            d.findElement(By.id("username")).sendKeys("city.dpo");
            d.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
            submit(d);
            found.put("staff ledger", violations(d));
            d.get(server.base() + "/staff/authority");
            found.put("staff authority requests", violations(d));
            submit(d);
            found.put("staff authority request with errors", violations(d));
            d.findElement(By.id("body")).sendKeys("Ausländerbehörde");
            d.findElement(By.id("legalReference")).sendKeys("§ 87 AufenthG");
            submit(d);
            found.put("staff authority request refused", violations(d));
            String dpoToken = server.login("city.dpo");
            var waiting = server.send("POST", "/api/v1/authority-requests", dpoToken, null, "{\"body\":\"Family court\",\"bodyType\":\"court\","
                + "\"legalReference\":\"4 F 12/26\",\"purpose\":\"shelter\",\"categories\":[\"identity\",\"housing\"],\"letterLanguage\":\"de\"}");
            d.get(server.base() + "/staff/authority/" + waiting.body().get("id").asText() + "?lang=de");
            found.put("staff authority request waiting de", violations(d));
            for (String page : List.of("/staff/alerts", "/staff/alerts?lang=de", "/staff/complaints", "/staff/algorithms", "/staff/algorithms/retention-job",
                "/staff/algorithms/new?lang=de")) {
                d.get(server.base() + page);
                found.put("staff " + page, violations(d));
            }
            d.manage().deleteAllCookies();
            d.get(server.base() + "/staff/sign-in");
            d.findElement(By.id("username")).sendKeys("dpa.auditor");
            d.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
            submit(d);
            for (String page : List.of("/staff/oversight", "/staff/oversight?lang=de&outcome=firewall")) {
                d.get(server.base() + page);
                found.put("staff " + page, violations(d));
            }
            d.manage().deleteAllCookies();
            d.get(server.base() + "/staff/sign-in");
            d.findElement(By.id("username")).sendKeys("equality.body");
            d.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
            submit(d);
            found.put("staff equality", violations(d));
            d.get(server.base() + "/staff/equality?lang=de");
            found.put("staff equality de", violations(d));
            for (String lang : List.of("en", "ar")) {
                d.get(server.base() + "/transparency?lang=" + lang);
                found.put("transparency " + lang, violations(d));
                d.get(server.base() + "/algorithms?lang=" + lang);
                found.put("algorithms " + lang, violations(d));
            }
            d.manage().deleteAllCookies();
            d.get(server.base() + "/staff/sign-in");
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
            submit(d);
            found.put("staff admin", violations(d));
        } finally {
            d.quit();
        }
        assertThat(found).hasSizeGreaterThan(25);
        found.forEach((page, problems) -> assertThat(problems).as(page).isEmpty());
    }
}
