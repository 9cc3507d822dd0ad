package eu.haven.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./haven bench [--quick] [policy|ledger|http|me|scale|pages|navigator|transparency|all]}: runs the benchmarks, prints the figures and
 * whether each goal holds. Exit code 0 when every goal measured holds.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        List<String> parts = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else {
                parts.add(a.toLowerCase(Locale.ROOT));
            }
        }
        if (parts.isEmpty() || parts.contains("all")) {
            parts = quick ? List.of("policy", "ledger", "http", "me", "pages", "navigator", "transparency")
                : List.of("policy", "ledger", "http", "me", "scale", "pages", "navigator", "transparency");
            if (quick) {
                System.out.println("(--quick leaves out the scale part; run ./haven bench --quick scale for a small one)");
            }
        }
        boolean allHold = true;
        for (String part : parts) {
            switch (part) {
                case "policy" -> allHold &= policy(quick);
                case "ledger" -> allHold &= LedgerBench.run(quick);
                case "http" -> allHold &= HttpBench.run(quick);
                case "me" -> allHold &= MeBench.run(quick);
                case "scale" -> allHold &= ScaleBench.run(quick);
                case "pages" -> allHold &= PagesBench.run(quick);
                case "navigator" -> allHold &= NavigatorBench.run(quick);
                case "transparency" -> allHold &= TransparencyBench.run(quick);
                case "witness" -> allHold &= WitnessBench.run(quick);
                default -> {
                    System.out.println("Unknown benchmark part '" + part + "'. Parts: policy, ledger (with witness), http, me, scale, pages, navigator, transparency, all.");
                    System.exit(2);
                }
            }
        }
        System.exit(allHold ? 0 : 1);
    }

    private static boolean policy(boolean quick) throws RunnerException {
        System.out.println("== policy: one decision, framework of " + PolicyFixture.TYPES + " organisation types x "
            + PolicyFixture.PURPOSES + " purposes x " + PolicyFixture.CATEGORIES + " categories, "
            + PolicyFixture.CONSENTS + " consents on the person");
        Options opts = new OptionsBuilder()
            .include(PolicyBenchmark.class.getName())
            .forks(1)
            .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.seconds(1))
            .measurementIterations(quick ? 3 : 10).measurementTime(TimeValue.seconds(1))
            .shouldFailOnError(true)
            .jvmArgsAppend(Runtime.version().feature() >= 24 ? new String[] {"--sun-misc-unsafe-memory-access=allow"} : new String[0])
            .build();
        RunResult result = new Runner(opts).runSingle();
        var stats = result.getPrimaryResult().getStatistics();
        double medianNs = stats.getPercentile(50);
        double p99Ns = stats.getPercentile(99);
        double goalNs = 2_000;
        boolean holds = medianNs <= goalNs;
        System.out.printf(Locale.ROOT, "policy decision: median %.0f ns, p99 %.0f ns, mean %.0f ns over %d samples%n",
            medianNs, p99Ns, stats.getMean(), stats.getN());
        System.out.printf(Locale.ROOT, "GOAL policy median <= 2 us: %s (%.3f us)%n", holds ? "HOLDS" : "FAILS", medianNs / 1000);
        return holds;
    }
}
