package io.perfopt.benchmarks.window;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSample;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.window.MetricStore;
import io.perfopt.engine.window.WindowConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * {@code eagerView} summarises all 20 metrics first ({@code MetricStore.viewSince}, what the loop
 * did before); {@code lazyView} summarises only those read ({@code MetricStore.lazyViewSince},
 * what it does now). Both walk the whole fleet once per call.
 *
 * Run: {@code benchmarks/run.sh jmh DetectionViewBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class DetectionViewBenchmark {

    static final List<String> READ = List.of("responseTimeMs", "successRate", "coordinationScore",
            "averageConfidence");

    @Param({"10000"})
    public int agents;

    private MetricStore store;
    private List<String> ids;
    private Instant since;

    @Setup(Level.Trial)
    public void fill() {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        store = new MetricStore(WindowConfig.defaults(), clock);
        ids = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            ids.add(String.format("agent-%05d", a));
        }
        fill(store, clock, ids, Duration.ofMinutes(10));
        since = clock.instant().minus(Duration.ofMinutes(2));
    }

    /** Ten minutes of observations every 10 s: five latencies and one value of each of 19 other metrics. */
    static void fill(MetricStore store, ManualClock clock, List<String> ids, Duration span) {
        SplittableRandom random = new SplittableRandom(7);
        List<String> metrics = new ArrayList<>(List.of("successRate", "coordinationScore", "averageConfidence"));
        for (int m = metrics.size(); m < 19; m++) {
            metrics.add("metric" + m);
        }
        List<MetricSample> batch = new ArrayList<>();
        for (long t = 0; t < span.toSeconds(); t += 10) {
            Instant now = clock.advance(Duration.ofSeconds(10));
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

    @Benchmark
    public double eagerView() {
        double sum = 0;
        for (String id : ids) {
            sum += read(store.viewSince(id, since));
        }
        return sum;
    }

    @Benchmark
    public double lazyView() {
        double sum = 0;
        for (String id : ids) {
            sum += read(store.lazyViewSince(id, since));
        }
        return sum;
    }

    private static double read(AgentMetrics view) {
        double sum = 0;
        for (String metric : READ) {
            sum += view.summary(metric).map(s -> metric.equals("responseTimeMs") ? s.p95() : s.mean()).orElse(0.0);
        }
        return sum;
    }
}
