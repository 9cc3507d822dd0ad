package eu.haven.bench;

import eu.haven.core.policy.Decision;
import eu.haven.core.policy.PolicyEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One policy decision: a read by an organisation whose relationship comes from a referral. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyBenchmark {
    private PolicyFixture fixture;
    private PolicyEngine engine;

    @Setup
    public void setUp() {
        fixture = new PolicyFixture();
        engine = new PolicyEngine(fixture.framework);
        if (!engine.decide(fixture.request).permitted()) {
            throw new IllegalStateException("the benchmark request should be permitted");
        }
    }

    @Benchmark
    public Decision decide() {
        return engine.decide(fixture.request);
    }
}
