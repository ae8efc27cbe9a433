package io.perfopt.benchmarks.window;

import io.perfopt.api.metric.MetricSummary;
import io.perfopt.engine.window.SlidingWindow;
import io.perfopt.engine.window.WindowConfig;
import java.time.Duration;
import java.time.Instant;
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
 * One metric window full at {@code size} samples (log-normal latencies, one per millisecond):
 *
 * <ul>
 *   <li>{@code add}: one more sample, which evicts the oldest (the steady state of a full window);</li>
 *   <li>{@code readAfterAdd}: a sample, then the summary with p50/p95/p99, as a detection pass after
 *       new data reads it (the quantiles walk the sorted chunks once);</li>
 *   <li>{@code readUnchanged}: the summary again with nothing new;</li>
 *   <li>{@code readRecentHalf}: the summary of the newer half (a sub-range: copy and selection),
 *       as the judge's "samples since the change settled".</li>
 * </ul>
 *
 * Run: {@code benchmarks/run.sh jmh WindowBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WindowBenchmark {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"100", "10000", "1000000"})
    public int size;

    private SlidingWindow window;
    private SplittableRandom random;
    private long nextMillis;
    private Instant half;

    @Setup(Level.Trial)
    public void fill() {
        window = new SlidingWindow(new WindowConfig(Duration.ofDays(365), size));
        random = new SplittableRandom(42);
        for (int i = 0; i < size; i++) {
            window.add(START.plusMillis(nextMillis++), latency());
        }
        half = START.plusMillis(nextMillis - size / 2);
    }

    private double latency() {
        return Math.exp(5.3 + 0.25 * random.nextGaussian());
    }

    @Benchmark
    public int add() {
        window.add(START.plusMillis(nextMillis++), latency());
        return window.size();
    }

    @Benchmark
    public Optional<MetricSummary> readAfterAdd() {
        window.add(START.plusMillis(nextMillis++), latency());
        return window.summary("responseTimeMs");
    }

    @Benchmark
    public Optional<MetricSummary> readUnchanged() {
        return window.summary("responseTimeMs");
    }

    @Benchmark
    public Optional<MetricSummary> readRecentHalf() {
        return window.summarySince("responseTimeMs", half);
    }
}
