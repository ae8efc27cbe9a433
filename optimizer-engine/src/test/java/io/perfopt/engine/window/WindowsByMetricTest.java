package io.perfopt.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WindowsByMetricTest {

    @Test
    void anAgentWithoutMetricsHasNoWindows() {
        WindowsByMetric windows = new WindowsByMetric();

        assertThat(windows.get("responseTimeMs")).isNull();
        assertThat(windows.names()).isEmpty();
    }

    @Test
    void findsAWindowByANameEqualToTheOneItWasAddedUnder() {
        WindowsByMetric windows = new WindowsByMetric();
        String parsed = new String("responseTimeMs".toCharArray()); // as a JSON parser hands it over
        SlidingWindow window = windows.getOrAdd(parsed, () -> new SlidingWindow(WindowConfig.defaults()));

        assertThat(windows.get("responseTimeMs")).as("by a constant").isSameAs(window);
        assertThat(windows.get(new String("responseTimeMs".toCharArray()))).as("by another copy").isSameAs(window);
        assertThat(windows.names()).singleElement().isSameAs("responseTimeMs"); // interned
        assertThat(windows.get("responseTime")).isNull();
    }

    @Test
    void addsAMetricOnceAndKeepsTheOrderMetricsAppearedIn() {
        WindowsByMetric windows = new WindowsByMetric();
        SlidingWindow first = windows.getOrAdd("b", () -> new SlidingWindow(WindowConfig.defaults()));
        windows.getOrAdd("a", () -> new SlidingWindow(WindowConfig.defaults()));

        assertThat(windows.getOrAdd("b", () -> {
            throw new AssertionError("a second window for b");
        })).isSameAs(first);
        List<String> seen = new ArrayList<>();
        windows.forEach((name, window) -> seen.add(name));
        assertThat(seen).containsExactly("b", "a");
        assertThat(windows.names()).containsExactly("b", "a");
    }

    @Test
    void writersAddingTheSameAndDifferentMetricsAtOnceLoseNone() throws Exception {
        WindowsByMetric windows = new WindowsByMetric();
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Set<SlidingWindow>>> sharedSeen = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                sharedSeen.add(pool.submit(() -> {
                    start.await();
                    Set<SlidingWindow> shared = ConcurrentHashMap.newKeySet();
                    for (int m = 0; m < 200; m++) {
                        windows.getOrAdd("own-" + writer + "-" + m, () -> new SlidingWindow(WindowConfig.defaults()));
                        shared.add(windows.getOrAdd("shared-" + m, () -> new SlidingWindow(WindowConfig.defaults())));
                    }
                    return shared;
                }));
            }
            start.countDown();
            Set<SlidingWindow> all = ConcurrentHashMap.newKeySet();
            for (Future<Set<SlidingWindow>> seen : sharedSeen) {
                all.addAll(seen.get(30, TimeUnit.SECONDS));
            }

            assertThat(all).as("one window per shared metric, whoever added it").hasSize(200);
            assertThat(windows.names()).hasSize(200 + writers * 200).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
