package io.perfopt.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSample;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricStoreTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private final MetricStore store = new MetricStore(new WindowConfig(Duration.ofMinutes(10), 100_000), clock);

    @Test
    void viewSummarisesEveryMetricOfTheAgentOverItsWindow() {
        Instant now = clock.instant();
        store.recordAll(List.of(
                sample("market-hunter", "responseTimeMs", 2400, now),
                sample("market-hunter", "responseTimeMs", 2800, now),
                sample("market-hunter", "successRate", 0.62, now),
                sample("risk-scout", "successRate", 0.99, now)));

        AgentMetrics view = store.view("market-hunter");

        assertThat(view.metrics()).containsExactlyInAnyOrder("responseTimeMs", "successRate");
        MetricSummary rt = view.summary("responseTimeMs").orElseThrow();
        assertThat(rt.count()).isEqualTo(2);
        assertThat(rt.mean()).isEqualTo(2600);
        assertThat(view.mean("successRate", -1)).isEqualTo(0.62);
        assertThat(store.agents()).containsExactlyInAnyOrder("market-hunter", "risk-scout");
    }

    @Test
    void samplesOlderThanMaxAgeByTheClockLeaveTheView() {
        store.record(sample("a1", "successRate", 0.5, clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        store.record(sample("a1", "successRate", 0.9, clock.instant()));

        clock.advance(Duration.ofMinutes(6)); // the first sample is now 11 minutes old

        assertThat(store.view("a1").summary("successRate").orElseThrow().count()).isEqualTo(1);
        assertThat(store.view("a1").mean("successRate", -1)).isEqualTo(0.9);
        clock.advance(Duration.ofMinutes(5));
        assertThat(store.view("a1").metrics()).isEmpty();
    }

    @Test
    void viewSinceKeepsOnlyTheSamplesFromThatInstantOn() {
        Instant start = clock.instant();
        for (int i = 0; i < 10; i++) {
            store.record(sample("a1", "responseTimeMs", 100 * (i + 1), start.plusSeconds(i)));
        }

        AgentMetrics recent = store.viewSince("a1", start.plusSeconds(7));

        MetricSummary rt = recent.summary("responseTimeMs").orElseThrow();
        assertThat(rt.count()).isEqualTo(3);
        assertThat(rt.min()).isEqualTo(800);
        assertThat(store.viewSince("a1", start.plusSeconds(60)).metrics()).isEmpty();
    }

    @Test
    void lazyViewSinceReadsWhatViewSinceReadsAndKeepsTheFirstReading() {
        Instant start = clock.instant();
        for (int i = 0; i < 10; i++) {
            store.record(sample("a1", "responseTimeMs", 100 * (i + 1), start.plusSeconds(i)));
            store.record(sample("a1", "successRate", 0.5 + i / 100.0, start.plusSeconds(i)));
        }

        MetricSummary expected = store.viewSince("a1", start.plusSeconds(7)).summary("responseTimeMs").orElseThrow();

        AgentMetrics lazy = store.lazyViewSince("a1", start.plusSeconds(7));
        MetricSummary first = lazy.summary("responseTimeMs").orElseThrow();
        store.record(sample("a1", "responseTimeMs", 5000, start.plusSeconds(9)));

        assertThat(first).isEqualTo(expected);
        assertThat(first.count()).isEqualTo(3);
        assertThat(lazy.summary("responseTimeMs")).contains(first);
        assertThat(store.viewSince("a1", start.plusSeconds(7)).summary("responseTimeMs").orElseThrow().count())
                .isEqualTo(4);
        assertThat(lazy.metrics()).containsExactlyInAnyOrder("responseTimeMs", "successRate");
        assertThat(lazy.summary("coordinationScore")).isEmpty();
        assertThat(store.lazyViewSince("nobody", start).metrics()).isEmpty();
    }

    @Test
    void servesRawSamplesAndSummariesOfATimeRange() {
        Instant start = clock.instant();
        for (int i = 0; i < 10; i++) {
            store.record(sample("a1", "responseTimeMs", i, start.plusSeconds(i)));
        }

        assertThat(store.samples("a1", "responseTimeMs", start.plusSeconds(2), start.plusSeconds(5)))
                .containsExactly(2, 3, 4);
        assertThat(store.summaryBetween("a1", "responseTimeMs", start.plusSeconds(2), start.plusSeconds(5)))
                .hasValueSatisfying(s -> assertThat(s.mean()).isEqualTo(3));
        assertThat(store.samples("nobody", "responseTimeMs", start, start.plusSeconds(5))).isEmpty();
        assertThat(store.summaryBetween("a1", "cpu", start, start.plusSeconds(5))).isEmpty();
    }

    @Test
    void lastSeenIsTheNewestSampleOfAnyMetric() {
        Instant now = clock.instant();
        store.record(sample("a1", "responseTimeMs", 10, now.minusSeconds(30)));
        store.record(sample("a1", "successRate", 0.9, now.minusSeconds(5)));
        store.record(sample("a1", "cpu", 0.3, now.minusSeconds(20)));

        assertThat(store.lastSeen("a1")).contains(now.minusSeconds(5));
        assertThat(store.lastSeen("unknown")).isEmpty();
    }

    @Test
    void forgettingAnAgentDropsItsWindows() {
        store.record(sample("a1", "successRate", 0.9, clock.instant()));

        store.forget("a1");

        assertThat(store.agents()).doesNotContain("a1");
        assertThat(store.view("a1").metrics()).isEmpty();
        assertThat(store.lastSeen("a1")).isEmpty();
    }

    @Test
    void concurrentWritersLoseNoSampleWhileAReaderReads() throws Exception {
        int writers = 4;
        int perWriter = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String metric = w % 2 == 0 ? "responseTimeMs" : "decisionCount"; // two writers per window
                int writer = w;
                writes.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        store.record(sample("a" + (i % 3), metric, writer * perWriter + i,
                                clock.instant().minusMillis(i % 500)));
                    }
                    return null;
                }));
            }
            Future<Long> reads = pool.submit(() -> {
                start.await();
                long reads1 = 0;
                long previous = 0;
                while (writing.get()) {
                    long seen = countAll();
                    assertThat(seen).isGreaterThanOrEqualTo(previous); // nothing recorded ever vanishes
                    previous = seen;
                    reads1++;
                }
                return reads1;
            });

            start.countDown();
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(reads.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }

        assertThat(countAll()).isEqualTo((long) writers * perWriter);
        assertThat(store.view("a0").summary("responseTimeMs").orElseThrow().count())
                .isEqualTo(2 * ((perWriter + 2) / 3));
    }

    private long countAll() {
        long total = 0;
        for (String agent : store.agents()) {
            AgentMetrics view = store.view(agent);
            for (String metric : view.metrics()) {
                total += view.summary(metric).orElseThrow().count();
            }
        }
        return total;
    }

    private static MetricSample sample(String agent, String metric, double value, Instant at) {
        return new MetricSample(agent, metric, value, at);
    }
}
