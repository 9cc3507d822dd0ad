package eu.haven.app;

import eu.haven.verify.VerifyCommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import picocli.CommandLine;

/**
 * The main journeys in a real browser (Debian's chromium, driven by chromedriver, JavaScript off as
 * on a phone that blocks it): a caseworker takes a person on and prints the receipt, records a
 * consent and refers to legal aid; legal aid accepts and sees only the consented categories; an
 * enforcement purpose forged into the staff's purpose cookie is refused on screen and shows in the
 * person's timeline; the person signs in in Arabic, reads the timeline right to left, downloads a
 * receipt that {@code haven verify receipt} accepts, withdraws the consent; legal aid is then
 * refused on screen. Every page is kept as a screenshot under {@code target/screenshots}.
 */
class BrowserJourneyTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    private static TestServer server;
    private static int shot;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isExecutable(Path.of("/usr/bin/chromium"));
        if (!present && "required".equals(System.getenv("HAVEN_BROWSER_TESTS"))) {
            throw new AssertionError("HAVEN_BROWSER_TESTS=required, but Debian's chromium and chromium-driver are not installed");
        }
        Assumptions.assumeTrue(present, "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        server = new TestServer();
        Files.createDirectories(SHOTS);
        try (var old = Files.list(SHOTS)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static WebDriver browser(String acceptLanguage) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1366,900", "--lang=" + acceptLanguage);
        options.addArguments("--blink-settings=scriptEnabled=false");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static void snap(WebDriver driver, String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)), png);
    }

    static void staffSignIn(WebDriver d, String user, String purpose) throws InterruptedException {
        d.get(server.base() + "/staff/sign-in");
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        go(d, By.cssSelector("main form button[type=submit]"));
        d.findElement(By.cssSelector("input[name=purpose][value='" + purpose + "']")).click();
        go(d, By.cssSelector("main form button[type=submit]"));
    }

    /** Clicks what leads to another page and waits until that page has replaced this one. */
    static void go(WebDriver d, By target) throws InterruptedException {
        WebElement old = d.findElement(By.tagName("html"));
        d.findElement(target).click();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            try {
                old.getTagName();
            } catch (org.openqa.selenium.WebDriverException e) {
                // stale, or no longer in the document: the new page has replaced it
                while (d.findElements(By.tagName("main")).isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page did not change after clicking " + target);
    }

    static String text(WebDriver d) {
        return d.findElement(By.tagName("main")).getText();
    }

    /** The main text once it says {@code expected} (a form's answer may still be loading), or as it is after 10 s. */
    static String textOnce(WebDriver d, String expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String now = "";
        while (System.nanoTime() < until) {
            try {
                now = text(d);
                if (now.contains(expected)) {
                    return now;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page is being replaced
            }
            Thread.sleep(100);
        }
        return now;
    }

    @Test
    void from_taking_a_person_on_to_withdrawing_the_consent() throws Exception {
        WebDriver shelter = browser("en");
        WebDriver legal = browser("en");
        WebDriver person = browser("ar");
        try {
            // A caseworker signs in, takes a person on, and prints the receipt.
            staffSignIn(shelter, "shelter.worker", "shelter");
            snap(shelter, "staff-caseload-empty");
            shelter.get(server.base() + "/staff/people/new");
            shelter.findElement(By.id("displayName")).sendKeys("Amina Yusuf");
            shelter.findElement(By.cssSelector("#preferredLanguage option[value=\'ar\']")).click();
            snap(shelter, "staff-new-person");
            go(shelter, By.cssSelector("main form button[type=submit]"));
            String code = shelter.findElement(By.cssSelector("strong.code")).getText();
            assertThat(code).matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){5}");
            snap(shelter, "staff-code-made");
            String personPage = shelter.findElement(By.linkText("Open the person's page")).getAttribute("href");
            go(shelter, By.cssSelector("main form button[type=submit]"));
            assertThat(shelter.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(shelter.getPageSource()).contains(code.replace("-", " "));
            snap(shelter, "receipt-ar");

            // A housing record, then a consent for legal aid covering identity and legal matters only, and a referral.
            shelter.get(personPage);
            go(shelter, By.linkText("housing situation"));
            shelter.findElement(By.id("r-housing-room")).sendKeys("12");
            shelter.findElement(By.id("r-housing-since")).sendKeys("10012026");
            shelter.findElement(By.id("r-housing-note")).sendKeys("Room 12, since October");
            go(shelter, By.xpath("//button[.='Add to housing situation']"));
            assertThat(text(shelter)).contains("Room 12, since October", "The record was added.", "Room", "Since");
            go(shelter, By.linkText("Record a consent"));
            assertThat(shelter.findElement(By.cssSelector("#language option[selected]")).getAttribute("value")).isEqualTo("ar");
            snap(shelter, "staff-consent-form");
            shelter.findElement(By.cssSelector("#recipient option[value=\'legal-aid\']")).click();
            shelter.findElement(By.cssSelector("input[name=purposes][value='legal-aid']")).click();
            shelter.findElement(By.cssSelector("input[name=categories][value='identity']")).click();
            shelter.findElement(By.cssSelector("input[name=categories][value='legal']")).click();
            go(shelter, By.xpath("//button[.='Record the consent']"));
            assertThat(shelter.findElement(By.cssSelector(".consent-text")).getAttribute("lang")).isEqualTo("ar");
            snap(shelter, "staff-consent-text");
            go(shelter, By.linkText("Back to the person's page"));
            go(shelter, By.xpath("//button[starts-with(., 'Refer to')]"));
            assertThat(text(shelter)).contains("The referral was sent.");
            snap(shelter, "staff-person");

            // Legal aid accepts and sees only what the consent covers.
            staffSignIn(legal, "legal.worker", "legal-aid");
            legal.get(server.base() + "/staff/inbox");
            snap(legal, "staff-inbox");
            go(legal, By.xpath("//button[.='Accept']"));
            assertThat(text(legal)).contains("Amina Yusuf", "You accepted the referral").doesNotContain("Room 12");
            snap(legal, "staff-person-referred");
            legal.get(server.base() + "/staff/inbox");
            assertThat(text(legal)).contains("People referred to you", "From City Shelter, for legal counselling and legal aid");
            String referredPerson = legal.findElement(By.partialLinkText("From City Shelter")).getAttribute("href");
            legal.get(referredPerson);

            // An enforcement purpose forged into the purpose cookie: refused on screen, with no name on it.
            shelter.manage().addCookie(new Cookie.Builder("haven_purpose", "immigration-enforcement").path("/staff").isHttpOnly(true).build());
            shelter.get(personPage);
            assertThat(text(shelter)).contains("never releases data for immigration or law enforcement").doesNotContain("Amina");
            snap(shelter, "staff-firewall-refusal");

            // The person signs in with the code, in Arabic, and chooses a secret.
            person.get(server.base() + "/me/sign-in?lang=ar");
            assertThat(person.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            snap(person, "person-sign-in-ar");
            person.findElement(By.id("code")).sendKeys(code.toLowerCase().replace("-", " "));
            go(person, By.cssSelector("main form button[type=submit]"));
            person.findElement(By.id("secret")).sendKeys("2468");
            snap(person, "person-activate-ar");
            go(person, By.cssSelector("main form button[type=submit]"));
            assertThat(person.findElement(By.tagName("h1")).getText()).isEqualTo("بياناتك");
            snap(person, "person-data-ar");
            go(person, By.cssSelector("nav.areas a[href*='/me/history']"));
            assertThat(person.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            List<WebElement> entries = person.findElements(By.cssSelector("ol.timeline > li"));
            assertThat(entries).isNotEmpty();
            assertThat(entries.get(0).findElement(By.tagName("time")).getAttribute("datetime")).isNotBlank();
            WebElement refused = person.findElement(By.cssSelector("ol.timeline > li.refused"));
            assertThat(refused.getText()).contains("طلب أحدهم بياناتك لأغراض الهجرة أو إنفاذ القانون. رفض Haven.");
            snap(person, "person-timeline-ar");

            // The refusal's receipt, downloaded with the person's session, verifies offline.
            String receiptHref = refused.findElement(By.cssSelector("a[download]")).getAttribute("href");
            String session = person.manage().getCookieNamed("haven_me").getValue();
            HttpResponse<String> receipt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(receiptHref))
                .header("Cookie", "haven_me=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(receipt.statusCode()).isEqualTo(200);
            assertThat(receipt.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            Path file = Files.createTempFile("haven-receipt", ".tlog-proof");
            Files.writeString(file, receipt.body());
            String vkey = new String(server.bytes("/ledger/vkey").orElseThrow()).strip();
            assertThat(new CommandLine(new VerifyCommand()).execute("receipt", "--vkey", vkey, file.toString())).isZero();

            // The person withdraws the consent, after a page that says what it does.
            go(person, By.cssSelector("nav.areas a[href*='/me']:not([href*='history'])"));
            go(person, By.cssSelector("a[href*='/withdraw']"));
            snap(person, "person-withdraw-confirm-ar");
            go(person, By.cssSelector("main form button[type=submit]"));
            assertThat(textOnce(person, "سُحبت موافقتك")).contains("سُحبت موافقتك");
            snap(person, "person-withdrawn-ar");

            // On a small phone, 360 CSS pixels wide: no sideways scrolling, in every script.
            person.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            for (String page : List.of("/me/history?lang=ar", "/me?lang=ti", "/me/sign-in?lang=ti", "/me/sign-in?lang=fa")) {
                person.get(server.base() + page);
                Object wide = ((org.openqa.selenium.JavascriptExecutor) person).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
                assertThat(wide).as(page + " scrolls sideways at 360 px").isEqualTo(false);
                snap(person, "phone-" + page.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", ""));
            }

            // Legal aid is now refused on screen, and the person is no longer among those referred to it.
            legal.navigate().refresh();
            assertThat(text(legal)).contains("Refused: the person withdrew the consent this relied on.").doesNotContain("Amina");
            snap(legal, "staff-refused-after-withdrawal");
            legal.get(server.base() + "/staff/inbox");
            assertThat(text(legal)).contains("every consent behind them was withdrawn").doesNotContain("From City Shelter");
        } finally {
            shelter.quit();
            legal.quit();
            person.quit();
        }
    }
}
