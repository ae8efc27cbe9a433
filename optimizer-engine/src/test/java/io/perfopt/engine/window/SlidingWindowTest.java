package io.perfopt.engine.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.metric.MetricSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String RT = "responseTimeMs";
    private static final int[] SIZES = {1, 2, 3, 5, 10, 99, 100, 511, 512, 513, 1_000, 4_099, 20_000};

    @Test
    void quantilesMatchABruteForceSortForManySizesOfInOrderSamples() {
        SplittableRandom random = new SplittableRandom(1);
        for (int n : SIZES) {
            SlidingWindow window = new SlidingWindow(new WindowConfig(Duration.ofDays(1), 100_000));
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = latency(random);
                window.add(T0.plusMillis(i), values[i]);
            }

            assertMatches(window.summary(RT).orElseThrow(), BruteForce.summary(RT, values), "n=" + n);
        }
    }

    @Test
    void quantilesMatchABruteForceSortWhenSamplesArriveOutOfOrder() {
        SplittableRandom random = new SplittableRandom(2);
        for (int n : SIZES) {
            SlidingWindow window = new SlidingWindow(new WindowConfig(Duration.ofDays(1), 100_000));
            ReferenceWindow reference = new ReferenceWindow(Duration.ofDays(1), 100_000);
            for (int i = 0; i < n; i++) {
                Instant at = T0.plusMillis(random.nextInt(n * 10)); // random arrival order, some ties
                double value = latency(random);
                window.add(at, value);
                reference.add(at, value);
            }

            assertMatches(window.summary(RT).orElseThrow(), reference.summary(), "n=" + n);
            assertThat(window.valuesBetween(Instant.MIN, Instant.MAX)).as("time order, n=%d", n)
                    .containsExactly(reference.values());
        }
    }

    @Test
    void dropsTheOldestSamplesBeyondMaxSamplesEvenWhenTheyArriveLate() {
        SplittableRandom random = new SplittableRandom(3);
        for (int max : new int[] {1, 7, 512, 1_000}) {
            SlidingWindow window = new SlidingWindow(new WindowConfig(Duration.ofDays(1), max));
            ReferenceWindow reference = new ReferenceWindow(Duration.ofDays(1), max);
            for (int i = 0; i < 5 * max + 3; i++) {
                // mostly in order, every fifth sample up to 50 positions late
                Instant at = T0.plusSeconds(i % 5 == 0 ? Math.max(0, i - random.nextInt(50)) : i);
                double value = latency(random);
                window.add(at, value);
                reference.add(at, value);
            }

            assertThat(window.size()).isEqualTo(max);
            assertMatches(window.summary(RT).orElseThrow(), reference.summary(), "max=" + max);
            assertThat(window.valuesBetween(Instant.MIN, Instant.MAX)).containsExactly(reference.values());
        }
    }

    @Test
    void quantilesMatchABruteForceSortAfterEvictionsByTime() {
        SplittableRandom random = new SplittableRandom(4);
        SlidingWindow window = new SlidingWindow(new WindowConfig(Duration.ofDays(1), 100_000));
        ReferenceWindow reference = new ReferenceWindow(Duration.ofDays(1), 100_000);
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 2_000; i++) {
                Instant at = T0.plusSeconds(round * 1_000L + random.nextInt(1_500));
                double value = latency(random);
                window.add(at, value);
                reference.add(at, value);
            }
            Instant cutoff = T0.plusSeconds(round * 1_000L + random.nextInt(1_000));
            window.evictBefore(cutoff);
            reference.evictBefore(cutoff);

            assertThat(window.oldest()).hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(cutoff));
            assertMatches(window.summary(RT).orElseThrow(), reference.summary(), "round " + round);
        }
    }

    @Test
    void keepsAtMostMaxAgeBehindTheNewestSampleWithoutBeingToldTheTime() {
        SlidingWindow window = new SlidingWindow(new WindowConfig(Duration.ofMinutes(10), 1_000));
        window.add(T0, 1);
        window.add(T0.plusSeconds(300), 2);

        window.add(T0.plusSeconds(601), 3);
        window.add(T0.minusSeconds(1), 99); // late, and older than the window spans

        assertThat(window.valuesBetween(Instant.MIN, Instant.MAX)).containsExactly(2, 3);
    }

    @Test
    void subRangesAreHalfOpenAndSummarisedLikeTheWholeWindow() {
        SplittableRandom random = new SplittableRandom(6);
        SlidingWindow window = new SlidingWindow(new WindowConfig(Duration.ofDays(1), 100_000));
        double[] values = new double[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = latency(random);
            window.add(T0.plusSeconds(i), values[i]);
        }
        double[] expected = java.util.Arrays.copyOfRange(values, 1_000, 3_000);

        double[] between = window.valuesBetween(T0.plusSeconds(1_000), T0.plusSeconds(3_000));
        MetricSummary summary = window.summaryBetween(RT, T0.plusSeconds(1_000), T0.plusSeconds(3_000)).orElseThrow();

        assertThat(between).containsExactly(expected);
        assertMatches(summary, BruteForce.summary(RT, expected), "sub-range");
        assertThat(window.summarySince(RT, T0.plusSeconds(4_990)).orElseThrow().count()).isEqualTo(10);
        assertThat(window.summaryBetween(RT, T0.plusSeconds(10), T0.plusSeconds(10))).isEmpty();
        assertThat(window.valuesBetween(T0.plusSeconds(9_000), T0.plusSeconds(9_999))).isEmpty();
    }

    @Test
    void holdsAMillionSamplesAndKeepsTheirQuantilesExact() {
        int million = 1_000_000;
        SlidingWindow window = new SlidingWindow(new WindowConfig(Duration.ofDays(365), million));
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[million];
        for (int i = 0; i < million; i++) {
            values[i] = latency(random);
            window.add(T0.plusMillis(i), values[i]);
        }
        assertMatches(window.summary(RT).orElseThrow(), BruteForce.summary(RT, values), "full");

        double[] newer = new double[1_000];
        for (int i = 0; i < newer.length; i++) {
            newer[i] = latency(random);
            window.add(T0.plusMillis(million + i), newer[i]);
        }
        double[] retained = new double[million];
        System.arraycopy(values, newer.length, retained, 0, million - newer.length);
        System.arraycopy(newer, 0, retained, million - newer.length, newer.length);

        assertThat(window.size()).isEqualTo(million);
        assertMatches(window.summary(RT).orElseThrow(), BruteForce.summary(RT, retained), "after count eviction");
    }

    @Test
    void theMeanDoesNotDriftOverMillionsOfAddsAndEvictions() {
        SlidingWindow window = new SlidingWindow(new WindowConfig(Duration.ofDays(365), 1_000));
        SplittableRandom random = new SplittableRandom(8);
        double[] ring = new double[1_000];
        for (int i = 0; i < 2_000_000; i++) {
            // large offsets with small differences: where a plain running sum loses digits
            double value = 1e9 + random.nextDouble() * (i % 2 == 0 ? 1e-3 : 1e6);
            ring[i % ring.length] = value;
            window.add(T0.plusMillis(i), value);
        }

        assertThat(window.summary(RT).orElseThrow().mean()).isCloseTo(BruteForce.exactMean(ring), within(1e-6));
    }

    @Test
    void isEmptyBeforeTheFirstSampleAndAfterTheLastIsEvicted() {
        SlidingWindow window = new SlidingWindow(WindowConfig.defaults());
        assertThat(window.summary(RT)).isEmpty();
        assertThat(window.newest()).isEmpty();

        window.add(T0, 5);
        assertThat(window.newest()).contains(T0);
        window.evictBefore(T0.plusNanos(1));

        assertThat(window.size()).isZero();
        assertThat(window.summary(RT)).isEmpty();
    }

    @Test
    void rejectsValuesThatAreNotFiniteNumbers() {
        SlidingWindow window = new SlidingWindow(WindowConfig.defaults());

        assertThatThrownBy(() -> window.add(T0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window sample value must be a finite number, got NaN");
    }

    private static double latency(SplittableRandom random) {
        // log-normal-ish latencies, rounded now and then so that ties occur
        double value = Math.exp(6 + random.nextGaussian());
        return random.nextInt(4) == 0 ? Math.rint(value / 10) * 10 : value;
    }

    private static void assertMatches(MetricSummary actual, MetricSummary expected, String what) {
        assertThat(actual.count()).as("count, %s", what).isEqualTo(expected.count());
        assertThat(actual.min()).as("min, %s", what).isEqualTo(expected.min());
        assertThat(actual.max()).as("max, %s", what).isEqualTo(expected.max());
        assertThat(actual.p50()).as("p50, %s", what).isEqualTo(expected.p50());
        assertThat(actual.p95()).as("p95, %s", what).isEqualTo(expected.p95());
        assertThat(actual.p99()).as("p99, %s", what).isEqualTo(expected.p99());
        assertThat(actual.mean()).as("mean, %s", what)
                .isCloseTo(expected.mean(), within(Math.abs(expected.mean()) * 1e-12));
    }

    /** The window's eviction rules written the slow, obvious way over a list. */
    private static final class ReferenceWindow {

        private final Duration maxAge;
        private final int maxSamples;
        private final List<Instant> times = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        ReferenceWindow(Duration maxAge, int maxSamples) {
            this.maxAge = maxAge;
            this.maxSamples = maxSamples;
        }

        void add(Instant at, double value) {
            if (!times.isEmpty()) {
                if (at.isBefore(times.get(times.size() - 1).minus(maxAge))) {
                    return;
                }
                if (times.size() == maxSamples) {
                    if (at.isBefore(times.get(0))) {
                        return;
                    }
                    times.remove(0);
                    values.remove(0);
                }
            }
            int at0 = 0;
            while (at0 < times.size() && !times.get(at0).isAfter(at)) {
                at0++;
            }
            times.add(at0, at);
            values.add(at0, value);
            evictBefore(times.get(times.size() - 1).minus(maxAge));
        }

        void evictBefore(Instant cutoff) {
            while (!times.isEmpty() && times.get(0).isBefore(cutoff)) {
                times.remove(0);
                values.remove(0);
            }
        }

        double[] values() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        MetricSummary summary() {
            return BruteForce.summary(RT, values());
        }
    }
}
