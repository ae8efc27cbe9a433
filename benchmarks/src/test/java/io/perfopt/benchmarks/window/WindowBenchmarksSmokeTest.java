package io.perfopt.benchmarks.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.metric.MetricSummary;
import org.junit.jupiter.api.Test;

/** The JMH benchmark methods called once each: they return sane values. */
class WindowBenchmarksSmokeTest {

    @Test
    void windowBenchmarkMethodsKeepTheWindowFullAndReadSaneQuantiles() {
        WindowBenchmark b = new WindowBenchmark();
        b.size = 100;
        b.fill();

        assertThat(b.add()).isEqualTo(100);
        MetricSummary after = b.readAfterAdd().orElseThrow();
        MetricSummary half = b.readRecentHalf().orElseThrow();

        assertThat(after.count()).isEqualTo(100);
        assertThat(after.p95()).isBetween(after.p50(), after.p99());
        assertThat(after.p99()).isBetween(after.min(), after.max());
        assertThat(b.readUnchanged()).contains(after);
        assertThat(half.count()).isBetween(45L, 55L);
    }

    @Test
    void eagerLazyAndFormerLazyViewsReadTheSameNumbersCycleAfterCycle() {
        DetectionViewBenchmark b = new DetectionViewBenchmark();
        DetectionViewBenchmark.Fleet fleet = new DetectionViewBenchmark.Fleet();
        fleet.agents = 20;
        fleet.fill();
        DetectionViewBenchmark.NextCycle next = new DetectionViewBenchmark.NextCycle();

        for (int cycle = 0; cycle < 3; cycle++) {
            next.arrive(fleet);
            double eager = b.eagerView(fleet, next);

            assertThat(eager).isPositive();
            assertThat(b.lazyViewAsBefore(fleet, next)).as("cycle %d", cycle).isEqualTo(eager);
            assertThat(b.lazyView(fleet, next)).as("cycle %d", cycle).isEqualTo(eager);
        }
    }
}
