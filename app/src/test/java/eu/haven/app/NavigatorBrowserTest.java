package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A newcomer in a real browser with JavaScript off: searches and asks a question in Ukrainian and in Arabic, opens
 * a service and its printable card, and no cookie is ever set; then axe-core finds no serious or critical
 * violation on any navigator page in English, Arabic, Ukrainian and Tigrinya. Screenshots under
 * {@code target/screenshots/navigator}.
 */
class NavigatorBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots", "navigator");
    private static TestServer server;
    private static int shot;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isReadable(AccessibilityTest.AXE);
        if (!present && "required".equals(System.getenv("HAVEN_BROWSER_TESTS"))) {
            throw new AssertionError("HAVEN_BROWSER_TESTS=required, but chromium-driver or axe-core (npm ci --prefix .ci/axe) is missing");
        }
        Assumptions.assumeTrue(present, "needs chromium-driver and axe-core (.ci/run installs both)");
        server = new TestServer();
        DemoData.directory(server.haven.navigator());
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static void snap(WebDriver d, String name) throws Exception {
        Files.write(SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
            ((org.openqa.selenium.TakesScreenshot) d).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    @Test
    void a_newcomer_searches_and_asks_in_ukrainian_and_arabic_without_javascript_and_without_a_cookie() throws Exception {
        WebDriver d = BrowserJourneyTest.browser("uk");
        try {
            d.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            d.get(server.base() + "/?lang=uk");
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("uk");
            snap(d, "uk-home");
            d.findElement(By.id("q")).sendKeys("Київ");
            BrowserJourneyTest.go(d, By.cssSelector("form.search button[type=submit]"));
            String results = BrowserJourneyTest.text(d);
            assertThat(results).contains("Консультації товариства «Київ»");
            snap(d, "uk-results-kyiv");
            BrowserJourneyTest.go(d, By.partialLinkText("Консультації товариства «Київ»"));
            assertThat(BrowserJourneyTest.text(d)).contains("Години роботи").contains("Адреса");
            snap(d, "uk-service");
            BrowserJourneyTest.go(d, By.partialLinkText("Картка для друку"));
            snap(d, "uk-card");
            d.get(server.base() + "/?lang=uk#ask");
            d.findElement(By.id("question")).sendKeys("Де я можу переночувати сьогодні?");
            BrowserJourneyTest.go(d, By.xpath("//textarea[@id='question']/ancestor::form//button"));
            assertThat(BrowserJourneyTest.text(d)).contains("Нічліжки дають ліжко без реєстрації");
            snap(d, "uk-answer");
            assertThat(d.manage().getCookies()).as("the navigator sets no cookie").isEmpty();
        } finally {
            d.quit();
        }
        WebDriver ar = BrowserJourneyTest.browser("ar");
        try {
            ar.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            ar.get(server.base() + "/?lang=ar");
            assertThat(ar.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            ar.findElement(By.id("q")).sendKeys("Aufenthaltstitel");
            BrowserJourneyTest.go(ar, By.cssSelector("form.search button[type=submit]"));
            assertThat(BrowserJourneyTest.text(ar)).contains("استشارة حول اللجوء والإقامة").contains("كلمة رسمية تعني ذلك");
            snap(ar, "ar-results-aufenthaltstitel");
            Object wide = ((org.openqa.selenium.JavascriptExecutor) ar).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(wide).as("no sideways scrolling at 360 px").isEqualTo(false);
            ar.get(server.base() + "/?lang=ar");
            ar.findElement(By.id("question")).sendKeys("أين أحصل على طعام مجاني؟");
            BrowserJourneyTest.go(ar, By.xpath("//textarea[@id='question']/ancestor::form//button"));
            assertThat(BrowserJourneyTest.text(ar)).contains("يقدم بنك الطعام طعاماً مجانياً");
            snap(ar, "ar-answer");
            assertThat(ar.manage().getCookies()).isEmpty();
        } finally {
            ar.quit();
        }
    }

    @Test
    void no_navigator_page_has_a_serious_or_critical_violation() throws Exception {
        String serviceId = TestServer.JSON.readTree(new String(server.bytes("/hsds/services?per_page=1").orElseThrow(),
            java.nio.charset.StandardCharsets.UTF_8)).path("contents").get(0).path("id").asText();
        Map<String, List<String>> found = new LinkedHashMap<>();
        WebDriver d = AccessibilityTest.browser();
        try {
            for (String lang : List.of("en", "ar", "uk", "ti")) {
                for (String page : List.of("/", "/services?q=doctor&near=Nordstadt", "/services?open=1", "/services?q=zzzzqqq",
                    "/services/" + serviceId, "/services/" + serviceId + "/card", "/ask?q=food", "/ask?q=purple+elephant",
                    "/services/not-a-service")) {
                    d.get(server.base() + page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                    found.put(lang + " " + page, AccessibilityTest.violations(d));
                }
            }
            // The editor's pages, in English and German.
            d.manage().deleteAllCookies();
            d.get(server.base() + "/staff/sign-in");
            d.findElement(By.id("username")).sendKeys("city.editor");
            d.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
            AccessibilityTest.submit(d);
            found.put("editor directory", AccessibilityTest.violations(d));
            d.get(server.base() + "/staff/directory/services/" + serviceId + "?lang=de");
            found.put("editor service de", AccessibilityTest.violations(d));
            AccessibilityTest.submit(d);
            found.put("editor service saved", AccessibilityTest.violations(d));
            d.get(server.base() + "/staff/directory/questions/new");
            AccessibilityTest.submit(d);
            found.put("editor new question with errors", AccessibilityTest.violations(d));
        } finally {
            d.quit();
        }
        assertThat(found).hasSize(40);
        found.forEach((page, problems) -> assertThat(problems).as(page).isEmpty());
    }
}
