package eu.haven.bench;

import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.directory.ServiceAtLocation;
import eu.haven.navigator.hsds.DirectoryExport;
import eu.haven.navigator.hsds.JsonImport;
import eu.haven.navigator.question.QuestionBox;
import eu.haven.navigator.search.ServiceIndex;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ./haven bench navigator}: a directory of 10,000 services in nine languages (the demo city's services,
 * repeated across the city with their translations), imported with {@code haven navigator import}; the time to build
 * the search index; then wrk with 16 connections searching the public results page with queries in all nine languages
 * (German official terms, Cyrillic and Latin spellings, a typo, "open now" and a distance among them), and /health in
 * the same run. Goal: search p99 at most 20 ms.
 */
final class NavigatorBench {
    static final int CLIENTS = 16;

    private NavigatorBench() {
    }

    static boolean run(boolean quick) throws Exception {
        int size = quick ? 2_000 : 10_000;
        int seconds = quick ? 6 : 30;
        System.out.println("== navigator: " + size + " services in nine languages, " + CLIENTS + " connections, " + seconds + " s each");
        Directory d = generate(size);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            ServiceIndex.build(d);
            QuestionBox.build(d);
            System.out.printf(Locale.ROOT, "index build %d: %.2f s (%d services, %d questions)%n", i + 1, (System.nanoTime() - t0) / 1e9,
                d.services().size(), d.questions().size());
        }
        Optional<String> wrk = HttpBench.Wrk.find();
        if (wrk.isEmpty()) {
            System.out.println("wrk is not installed (Debian: apt-get install wrk); the search figures are not measured.");
            System.out.println("GOAL navigator: NOT MEASURED");
            return false;
        }
        Path dir = Files.createTempDirectory("haven-bench-navigator");
        try {
            Path files = Files.createDirectories(dir.resolve("import"));
            new DirectoryExport().writeJson(d, files);
            long t0 = System.nanoTime();
            int status = eu.haven.app.Main.cli().execute("navigator", "import", "--data-dir", dir.resolve("data").toString(), files.toString());
            if (status != 0) {
                throw new IllegalStateException("the import failed with status " + status);
            }
            System.out.printf(Locale.ROOT, "haven navigator import of %d services: %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
            Process server = HttpBench.startServer(dir.resolve("data"), Optional.empty(), "serve");
            try {
                String base = HttpBench.base(dir.resolve("data"));
                new PagesBench.Weights(base).print("navigator results", "/services?q=Arzt&lang=ar", "");
                Path script = dir.resolve("search.lua");
                Files.writeString(script, HttpBench.Wrk.script(queries()));
                HttpBench.Wrk.run(wrk.get(), base + "/services", script, quick ? 5 : 15, CLIENTS);
                HttpBench.Wrk.run(wrk.get(), base + "/health", null, quick ? 2 : 5, CLIENTS);
                HttpBench.Load search = HttpBench.Wrk.run(wrk.get(), base + "/services", script, seconds, CLIENTS);
                HttpBench.Load health = HttpBench.Wrk.run(wrk.get(), base + "/health", null, seconds, CLIENTS);
                print("search (results page)", search);
                print("/health", health);
                boolean holds = search.p99ms() <= 20 && search.errors() == 0;
                System.out.printf(Locale.ROOT, "ratio search/health %.1f%%%n", 100 * search.rps() / health.rps());
                System.out.printf(Locale.ROOT, "GOAL navigator: search p99 <= 20 ms under %d clients: %s (%.1f ms)%n", CLIENTS,
                    holds ? "HOLDS" : "FAILS", search.p99ms());
                return holds;
            } finally {
                HttpBench.stop(server);
            }
        } finally {
            HttpBench.delete(dir);
        }
    }

    private static void print(String what, HttpBench.Load l) {
        System.out.printf(Locale.ROOT, "%-24s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests, %d errors)%n", what, l.rps(),
            l.p50ms(), l.p99ms(), l.requests(), l.errors());
    }

    /** What newcomers type, in each language, with the filters they use. */
    static List<String> queries() {
        List<String> out = new ArrayList<>();
        String[][] q = {
            {"en", "doctor"}, {"en", "night shelter"}, {"de", "Notunterkunft"}, {"de", "Deutschkurs"}, {"fr", "titre de séjour"},
            {"fr", "banque alimentaire"}, {"uk", "лікар"}, {"uk", "Київ"}, {"ru", "курс немецкого"}, {"ru", "юрист"},
            {"ar", "مأوى"}, {"ar", "Aufenthaltstitel"}, {"fa", "مدرسه"}, {"fa", "Krankenschein"}, {"ti", "ክሊኒክ"}, {"ti", "Jobcenter"},
            {"so", "dhakhtar"}, {"so", "Duldung"}, {"en", "Kyiv"}, {"de", "Notunterkunfft"}};
        for (String[] x : q) {
            out.add("/services?lang=" + x[0] + "&q=" + URLEncoder.encode(x[1], StandardCharsets.UTF_8));
        }
        out.add("/services?lang=de&q=Arzt&open=1");
        out.add("/services?lang=uk&q=" + URLEncoder.encode("школа", StandardCharsets.UTF_8) + "&near=Nordstadt");
        return out;
    }

    /** The demo city's services repeated {@code size} times over, each copy with its own id, name suffix and place. */
    static Directory generate(int size) {
        Directory demo = new JsonImport().readBundled("/navigator/demo").directory();
        List<Service> templates = demo.services();
        Map<String, Location> locationOf = new HashMap<>();
        demo.serviceAtLocations().forEach(l -> demo.location(l.locationId()).ifPresent(x -> locationOf.put(l.serviceId(), x)));
        List<Service> services = new ArrayList<>(size);
        List<Location> locations = new ArrayList<>(size);
        List<ServiceAtLocation> links = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Service t = templates.get(i % templates.size());
            String n = " " + (i / templates.size() + 1);
            String id = UUID.nameUUIDFromBytes(("service " + i).getBytes(StandardCharsets.UTF_8)).toString();
            Map<String, Map<String, String>> texts = new HashMap<>();
            t.xTranslations().forEach((lang, fields) -> {
                Map<String, String> f = new HashMap<>(fields);
                f.computeIfPresent("name", (k, v) -> v + n);
                texts.put(lang, f);
            });
            services.add(new Service(id, t.organizationId(), t.name() + n, t.alternateName(), t.description(), t.url(), t.email(),
                t.status(), t.applicationProcess(), t.feesDescription(), t.eligibilityDescription(), t.lastModified(), t.phones(),
                t.schedules(), t.languages(), t.requiredDocuments(), t.attributes(), texts, t.xReview()));
            Location l = locationOf.get(t.id());
            String lid = UUID.nameUUIDFromBytes(("location " + i).getBytes(StandardCharsets.UTF_8)).toString();
            double jitter = (i % 97) * 0.0005;
            locations.add(new Location(lid, l.locationType(), l.name() + n, l.description(), l.transportation(),
                l.latitude() + jitter, l.longitude() - jitter, l.addresses().stream().map(a -> new eu.haven.navigator.directory.Address(
                    UUID.nameUUIDFromBytes(("address " + lid).getBytes(StandardCharsets.UTF_8)).toString(), a.attention(), a.address1(),
                    a.address2(), a.city(), a.region(), a.stateProvince(), a.postalCode(), a.country(), a.addressType())).toList(),
                List.of(), l.xTranslations(), l.xReview()));
            links.add(new ServiceAtLocation(UUID.nameUUIDFromBytes(("link " + i).getBytes(StandardCharsets.UTF_8)).toString(), id, lid, null));
        }
        Map<String, String> firstCopy = new HashMap<>();
        for (int i = 0; i < Math.min(size, templates.size()); i++) {
            firstCopy.put(templates.get(i).id(), services.get(i).id());
        }
        var questions = demo.questions().stream().map(q -> new eu.haven.navigator.directory.QuestionEntry(q.id(), q.question(), q.answer(),
            q.keywords(), q.serviceIds().stream().map(firstCopy::get).filter(java.util.Objects::nonNull).toList(), q.xTranslations(),
            q.xReview())).toList();
        return new Directory(demo.organizations(), services, locations, links, demo.taxonomies(), demo.terms(), questions);
    }
}
