package io.perfopt.benchmarks.window;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSample;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.window.MetricStore;
import io.perfopt.engine.window.WindowConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What detection reads of every agent each cycle: the four metrics detection, forecasting and
 * the health score look at (p95 response time, mean success rate, coordination and confidence)
 * over the last two minutes, for agents reporting 20 metrics each through a ten-minute window.
 * Before every timed pass, the next 30 s of observations arrive (untimed), as between two cycles.
 *
 * <ul>
 *   <li>{@code eagerView}: all 20 metrics summarised from copies ({@code MetricStore.viewSince}),
 *       what the loop did first;</li>
 *   <li>{@code lazyViewAsBefore}: only the four read, each as {@code lazyViewSince} did before the
 *       search from the newest sample and the split selections: a binary search over the whole
 *       window ({@code MetricStore.samples}, which searches for the end too), a copy, one pass
 *       and three quickselects over the whole copy;</li>
 *   <li>{@code lazyView}: {@code MetricStore.lazyViewSince} as the loop reads it now.</li>
 * </ul>
 *
 * Run: {@code benchmarks/run.sh jmh DetectionViewBenchmark -f 1 -wi 3 -i 8}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class DetectionViewBenchmark {

    static final List<String> READ = List.of("responseTimeMs", "successRate", "coordinationScore",
            "averageConfidence");
    static final Duration DETECTION_WINDOW = Duration.ofMinutes(2);
    static final Duration CYCLE = Duration.ofSeconds(30);
    static final Duration TICK = Duration.ofSeconds(10);
    private static final Instant FAR_FUTURE = Instant.parse("3000-01-01T00:00:00Z");

    /** A fleet whose windows hold ten minutes of observations. */
    @State(Scope.Benchmark)
    public static class Fleet {

        @Param({"10000"})
        public int agents;

        MetricStore store;
        ManualClock clock;
        List<String> ids;
        List<String> metrics;
        SplittableRandom random;

        @Setup(Level.Trial)
        public void fill() {
            clock = ManualClock.startingAtEpochOf2026();
            store = new MetricStore(WindowConfig.defaults(), clock);
            random = new SplittableRandom(7);
            ids = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                ids.add(String.format("agent-%05d", a));
            }
            metrics = new ArrayList<>(List.of("successRate", "coordinationScore", "averageConfidence"));
            for (int m = metrics.size(); m < 19; m++) {
                metrics.add("metric" + m);
            }
            observe(Duration.ofMinutes(10));
        }

        /** Observations every 10 s for {@code span}: five latencies and one value of each of 19 other metrics. */
        void observe(Duration span) {
            List<MetricSample> batch = new ArrayList<>();
            for (long t = 0; t < span.toSeconds(); t += TICK.toSeconds()) {
                Instant now = clock.advance(TICK);
                for (String id : ids) {
                    batch.clear();
                    for (int i = 0; i < 5; i++) {
                        batch.add(new MetricSample(id, "responseTimeMs", 200 + 100 * random.nextDouble(), now));
                    }
                    for (String metric : metrics) {
                        batch.add(new MetricSample(id, metric, random.nextDouble(), now));
                    }
                    store.recordAll(batch);
                }
            }
        }

        Instant since() {
            return clock.instant().minus(DETECTION_WINDOW);
        }
    }

    /** The next cycle's observations, arriving before each timed pass and not timed. */
    @State(Scope.Benchmark)
    public static class NextCycle {

        @Setup(Level.Invocation)
        public void arrive(Fleet fleet) {
            fleet.observe(CYCLE);
        }
    }

    @Benchmark
    public double eagerView(Fleet fleet, NextCycle next) {
        Instant since = fleet.since();
        double sum = 0;
        for (String id : fleet.ids) {
            sum += read(fleet.store.viewSince(id, since));
        }
        return sum;
    }

    @Benchmark
    public double lazyViewAsBefore(Fleet fleet, NextCycle next) {
        Instant since = fleet.since();
        double sum = 0;
        for (String id : fleet.ids) {
            double agent = 0; // summed per agent as read() does, so that the passes' sums compare exactly
            for (String metric : READ) {
                agent += value(metric, SummaryAsBefore.of(metric,
                        fleet.store.samples(id, metric, since, FAR_FUTURE)));
            }
            sum += agent;
        }
        return sum;
    }

    @Benchmark
    public double lazyView(Fleet fleet, NextCycle next) {
        Instant since = fleet.since();
        double sum = 0;
        for (String id : fleet.ids) {
            sum += read(fleet.store.lazyViewSince(id, since));
        }
        return sum;
    }

    private static double read(AgentMetrics view) {
        double sum = 0;
        for (String metric : READ) {
            sum += value(metric, view.summary(metric));
        }
        return sum;
    }

    private static double value(String metric, Optional<MetricSummary> summary) {
        return summary.map(s -> metric.equals("responseTimeMs") ? s.p95() : s.mean()).orElse(0.0);
    }
}
