package eu.haven.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages under load, from a separate process: a Haven in its own JVM ({@code haven demo}) whose
 * shelter takes on 5,000 people, then wrk with 64 connections and a signed-in session's cookies
 * against (a) a person's page for staff, (b) the person's timeline in the portal, (c) /health in the
 * same run, and (d) the shelter's caseload filtered by name. Every request of (a), (b) and (d) is
 * decided and recorded in the ledger before it is answered. The cookies are those a browser would send: the session's, the
 * declared purpose and the form token's, which the server sets on the first page. Also printed: each page's weight with
 * its style sheet, and its time to first byte alone.
 */
final class PagesBench {
    /**
     * As the http part's server, with twice its heap: at 256 MB, G1 collected the young generation nine times a second under
     * the caseload (2.1 s of pauses in 30 s, 7% of the time); the pages have no memory goal, and a server started by
     * {@code ./haven} takes the JVM's default heap, a quarter of the machine's memory.
     */
    static final List<String> SERVER_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:-G1UseAdaptiveIHOP", "-XX:MaxTenuringThreshold=2");

    private PagesBench() {}

    static boolean run(boolean quick) throws Exception {
        Optional<String> wrk = HttpBench.Wrk.find();
        int people = quick ? 500 : 5000;
        int seconds = quick ? 6 : 30;
        System.out.println("== pages: " + HttpBench.CONNECTIONS + " connections, " + seconds + " s each; the shelter's caseload holds "
            + people + " people; server JVM " + String.join(" ", SERVER_JVM));
        if (wrk.isEmpty()) {
            System.out.println("wrk is not installed (Debian: apt-get install wrk); the pages' figures are not measured.");
            System.out.println("GOAL pages: NOT MEASURED");
            return false;
        }
        Path dir = Files.createTempDirectory("haven-bench-pages");
        Process server = HttpBench.startServer(dir, Optional.empty(), "demo", java.time.Duration.ofMinutes(1), SERVER_JVM);
        try {
            String base = HttpBench.base(dir);
            BenchClient client = new BenchClient(base);
            String staff = client.login("shelter.worker");
            long t0 = System.nanoTime();
            String[] ids = new String[people];
            String[] codes = new String[people];
            Parallel.forEach(4, people, n -> {
                String name = (n % 100 == 0 ? "Amina Test " : "Bench Person ") + n;
                var created = client.post("/api/v1/persons", staff, "shelter", "{\"displayName\":\"" + name + "\",\"preferredLanguage\":\"ar\"}");
                ids[(int) n] = created.get("id").asText();
                codes[(int) n] = created.get("accessCode").asText();
            });
            System.out.printf(Locale.ROOT, "%d people taken on over HTTP in %.1f s%n", people, (System.nanoTime() - t0) / 1e9);
            // The person whose pages are read: records, a consent and a referral, a refusal in the timeline.
            String id = ids[1];
            String records = "/api/v1/persons/" + id + "/records";
            client.post(records, staff, "shelter", "{\"category\":\"housing\",\"data\":{\"room\":\"12\",\"since\":\"2026-01-01\"}}");
            client.post(records, staff, "shelter", "{\"category\":\"contact\",\"data\":{\"phone\":\"+49 30 1234\"}}");
            client.post("/api/v1/persons/" + id + "/consents", staff, "shelter", "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],"
                + "\"categories\":[\"identity\",\"legal\"],\"method\":\"written\",\"language\":\"ar\"}");
            String personToken = client.post("/api/v1/me/activate", null, null,
                "{\"accessCode\":\"" + codes[1] + "\",\"secret\":\"2468\"}").get("token").asText();
            // The pages take the same session tokens as the API, in their cookies.
            String staffPage = "/staff/people/" + id;
            String timeline = "/me/history";
            // The form token's cookie too, as a browser keeps it from the first page (without it every page would set a new one).
            String staffCookie = withFormCookie(base, staffPage, "haven_staff=" + staff + "; haven_purpose=shelter");
            String personCookie = withFormCookie(base, timeline, "haven_me=" + personToken);
            String caseload = "/staff/people?q=amina";
            Weights weights = new Weights(base);
            weights.print("person's page for staff", staffPage, staffCookie);
            weights.print("portal timeline", timeline, personCookie);
            weights.print("caseload filtered", caseload, staffCookie);
            weights.print("portal sign-in", "/me/sign-in", "");

            Path staffScript = script(dir, "staff.lua", staffCookie);
            Path personScript = script(dir, "person.lua", personCookie);
            HttpBench.Wrk.run(wrk.get(), base + staffPage, staffScript, quick ? 5 : 30);
            HttpBench.Wrk.run(wrk.get(), base + timeline, personScript, quick ? 5 : 30);
            HttpBench.Wrk.run(wrk.get(), base + caseload, staffScript, quick ? 3 : 15);
            HttpBench.Wrk.run(wrk.get(), base + "/health", null, quick ? 2 : 5);
            // The server's CPU time a request (all its threads) is printed beside each: steadier than rates on a shared machine.
            java.time.Duration cpu0 = HttpBench.cpu(server);
            HttpBench.Load a = HttpBench.Wrk.run(wrk.get(), base + staffPage, staffScript, seconds);
            java.time.Duration cpu1 = HttpBench.cpu(server);
            HttpBench.Load b = HttpBench.Wrk.run(wrk.get(), base + timeline, personScript, seconds);
            java.time.Duration cpu2 = HttpBench.cpu(server);
            HttpBench.Load health = HttpBench.Wrk.run(wrk.get(), base + "/health", null, seconds);
            java.time.Duration cpu3 = HttpBench.cpu(server);
            HttpBench.Load d = HttpBench.Wrk.run(wrk.get(), base + caseload, staffScript, seconds);
            java.time.Duration cpu4 = HttpBench.cpu(server);
            HttpBench.print("(a) staff person", a, cpu1.minus(cpu0));
            HttpBench.print("(b) portal timeline", b, cpu2.minus(cpu1));
            HttpBench.print("(c) /health", health, cpu3.minus(cpu2));
            HttpBench.print("(d) caseload filter", d, cpu4.minus(cpu3));
            statuses(dir);
            boolean aOk = a.p99ms() <= 25 && a.rps() >= 0.2 * health.rps() && a.errors() == 0;
            boolean bOk = b.p99ms() <= 25 && b.rps() >= 0.2 * health.rps() && b.errors() == 0;
            boolean dOk = d.p99ms() <= 50 && d.errors() == 0;
            System.out.printf(Locale.ROOT, "ratio (a)/(c) %.1f%%, (b)/(c) %.1f%%%n", 100 * a.rps() / health.rps(), 100 * b.rps() / health.rps());
            System.out.printf(Locale.ROOT, "GOAL pages: (a) p99 <= 25 ms and >= 20%% of /health: %s; (b) the same: %s; "
                + "(d) caseload of %d filtered, p99 <= 50 ms: %s%n", ok(aOk), ok(bOk), people, ok(dOk));
            return aOk && bOk && dOk;
        } catch (RuntimeException e) {
            List<String> log = Files.readAllLines(dir.resolve("server.log"));
            System.out.println("The server's log ends:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())));
            throw e;
        } finally {
            HttpBench.stop(server);
            HttpBench.delete(dir);
        }
    }

    /** How the server answered, by method, route and status, from its request log (which names routes, never paths). */
    private static void statuses(Path dir) throws java.io.IOException {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        List<String> other = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("server.log"))) {
            Matcher m = Pattern.compile("haven\\.http - (\\S+ \\S+ \\d{3})").matcher(line);
            if (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            } else if (other.size() < 20 && (line.contains("WARN") || line.contains("ERROR") || line.contains("Exception"))) {
                other.add(line.length() > 300 ? line.substring(0, 300) : line);
            }
        }
        counts.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %,9d  %s%n", v, k));
        other.forEach(l -> System.out.println("  log: " + l));
    }

    /** The cookies with the form token's cookie the server sets on a first page, as a browser would send them back. */
    private static String withFormCookie(String base, String path, String cookies) throws Exception {
        HttpResponse<Void> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies)
            .GET().build(), HttpResponse.BodyHandlers.discarding());
        if (first.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + first.statusCode());
        }
        return first.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("haven_csrf="))
            .map(c -> cookies + "; " + c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
            .orElseThrow(() -> new IllegalStateException(path + " set no form token cookie"));
    }

    private static Path script(Path dir, String name, String cookie) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "wrk.headers[\"Cookie\"] = \"" + cookie + "\"\n");
        return script;
    }

    private static String ok(boolean holds) {
        return holds ? "HOLDS" : "FAILS";
    }

    /** A page's weight with its style sheet, and its time to first byte on an idle server. */
    static final class Weights {
        private static final Pattern CSS = Pattern.compile("href=\"(/assets/[^\"]+\\.css)\"");
        private final HttpClient client = HttpClient.newHttpClient();
        private final String base;

        Weights(String base) {
            this.base = base;
        }

        void print(String what, String path, String cookie) throws Exception {
            List<Long> times = new ArrayList<>();
            HttpResponse<String> page = null;
            for (int i = 0; i < 5; i++) {
                HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).GET();
                if (!cookie.isEmpty()) {
                    r.header("Cookie", cookie);
                }
                long t = System.nanoTime();
                page = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
                times.add(System.nanoTime() - t);
            }
            if (page.statusCode() != 200) {
                throw new IllegalStateException(what + ": HTTP " + page.statusCode());
            }
            Matcher m = CSS.matcher(page.body());
            long css = m.find() ? client.send(HttpRequest.newBuilder(URI.create(base + m.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body().length : 0;
            long html = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            times.sort(null);
            System.out.printf(Locale.ROOT, "%-24s %5.1f KB HTML + %4.1f KB CSS = %5.1f KB; time to last byte alone, median of 5: %.1f ms%n",
                what, html / 1024.0, css / 1024.0, (html + css) / 1024.0, times.get(2) / 1e6);
        }
    }
}
