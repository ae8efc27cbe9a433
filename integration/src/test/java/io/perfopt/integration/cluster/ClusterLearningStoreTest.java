package io.perfopt.integration.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.learn.LearningStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learning shared by three real members: concurrent records all count, and a full restart keeps them. */
class ClusterLearningStoreTest {

    private static final int THREADS_PER_MEMBER = 4;
    private static final int RECORDS_PER_THREAD = 50;
    private static final List<ActionKey> KEYS = IntStream.range(0, 5).mapToObj(i -> new ActionKey("latency",
            "market-hunter", BottleneckType.RESPONSE_TIME, "cache.size", ChangeDirection.UP, "x" + (i + 2))).toList();

    @TempDir
    Path dir;

    @Test
    void concurrentRecordsFromEveryMemberLoseNoUpdate() throws Exception {
        DataSource db = H2Tables.in(dir);
        try (LoopbackCluster cluster = new LoopbackCluster(3, 0)
                .startAll(i -> ClusterStores.over(db, Clock.systemUTC()))) {
            Map<ActionKey, AtomicLong> sent = new ConcurrentHashMap<>();
            Map<ActionKey, AtomicLong> kept = new ConcurrentHashMap<>();
            KEYS.forEach(k -> {
                sent.put(k, new AtomicLong());
                kept.put(k, new AtomicLong());
            });
            ExecutorService threads = Executors.newFixedThreadPool(3 * THREADS_PER_MEMBER);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (PerfoptCluster member : cluster.members) {
                LearningStore store = member.learning();
                for (int t = 0; t < THREADS_PER_MEMBER; t++) {
                    int thread = t;
                    done.add(threads.submit(() -> {
                        go.await();
                        for (int r = 0; r < RECORDS_PER_THREAD; r++) {
                            ActionKey key = KEYS.get((thread + r) % KEYS.size());
                            boolean improved = r % 3 == 0;
                            store.record(key, new LearningOutcome(improved ? Verdict.IMPROVED : Verdict.NO_EFFECT,
                                    improved ? 12.5 : -1));
                            sent.get(key).incrementAndGet();
                            if (improved) {
                                kept.get(key).incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
            }

            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();

            Map<ActionKey, LearningStats> learned = cluster.get(1).learning().snapshot();
            long total = learned.values().stream().mapToLong(LearningStats::trials).sum();
            assertThat(total).as("trials recorded by 3 members x %d threads x %d records", THREADS_PER_MEMBER,
                    RECORDS_PER_THREAD).isEqualTo(3L * THREADS_PER_MEMBER * RECORDS_PER_THREAD);
            for (ActionKey key : KEYS) {
                assertThat(learned.get(key).trials()).as("trials of %s", key).isEqualTo(sent.get(key).get());
                assertThat(learned.get(key).successes()).as("successes of %s", key).isEqualTo(kept.get(key).get());
                assertThat(cluster.get(2).learning().stats(key)).isEqualTo(learned.get(key));
            }
            assertThat(H2Tables.count(db, "SELECT SUM(trials) FROM learning_stats")).as("trials written through")
                    .isEqualTo(total);
        }
    }

    @Test
    void aFullRestartOfTheClusterKeepsWhatWasLearned() {
        DataSource db = H2Tables.in(dir);
        Map<ActionKey, LearningStats> before;
        try (LoopbackCluster first = new LoopbackCluster(3, 0)
                .startAll(i -> ClusterStores.over(db, Clock.systemUTC()))) {
            for (int i = 0; i < 30; i++) {
                first.get(i % 3).learning().record(KEYS.get(i % KEYS.size()),
                        new LearningOutcome(i % 4 == 0 ? Verdict.DEGRADED : Verdict.IMPROVED, i * 0.7 - 3));
            }
            before = first.get(0).learning().snapshot();
        }
        assertThat(before).hasSize(KEYS.size());

        try (LoopbackCluster second = new LoopbackCluster(3, 0)
                .startAll(i -> ClusterStores.over(db, Clock.systemUTC()))) {
            assertThat(second.get(2).learning().snapshot()).isEqualTo(before);
            assertThat(second.get(0).learning().stats(KEYS.get(0))).isEqualTo(before.get(KEYS.get(0)));
        }
    }

    @Test
    void anUnknownActionHasLearnedNothing() {
        try (LoopbackCluster cluster = new LoopbackCluster(1, 0).startAll(i -> ClusterStores.none())) {
            assertThat(cluster.get(0).learning().stats(KEYS.get(0))).isEqualTo(LearningStats.NONE);
            assertThat(cluster.get(0).learning().snapshot()).isEmpty();
        }
    }
}
