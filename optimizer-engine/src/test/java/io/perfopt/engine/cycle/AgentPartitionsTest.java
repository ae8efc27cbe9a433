package io.perfopt.engine.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AgentPartitionsTest {

    @Test
    void returnsTheResultsInTheItemsOrderWhateverTheThreads() {
        List<Integer> items = IntStream.range(0, 1_003).boxed().toList();
        for (int threads : new int[] {1, 2, 3, 4, 7}) {
            try (AgentPartitions partitions = new AgentPartitions(threads, 10)) {
                assertThat(partitions.map(items, i -> "agent-" + i)).as("%d threads", threads)
                        .isEqualTo(items.stream().map(i -> "agent-" + i).toList());
            }
        }
    }

    @Test
    void spreadsALargeListOverTheThreadsAndRunsAShortOneOnTheCaller() throws InterruptedException {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        // every partition waits until all have started: passes only if they really run side by side
        CountDownLatch allStarted = new CountDownLatch(3);
        try (AgentPartitions partitions = new AgentPartitions(3, 10)) {
            partitions.map(IntStream.range(0, 30).boxed().toList(), i -> {
                if (used.add(Thread.currentThread())) {
                    allStarted.countDown();
                    await(allStarted);
                }
                return i;
            });
            assertThat(used).hasSize(3).contains(Thread.currentThread());

            used.clear();
            partitions.map(IntStream.range(0, 19).boxed().toList(), i -> used.add(Thread.currentThread()));
            assertThat(used).as("fewer than two partitions' worth").containsExactly(Thread.currentThread());
        }
    }

    @Test
    void rethrowsTheFirstFailureAfterEveryPartitionFinished() {
        AtomicInteger done = new AtomicInteger();
        try (AgentPartitions partitions = new AgentPartitions(4, 5)) {
            assertThatThrownBy(() -> partitions.map(IntStream.range(0, 40).boxed().toList(), i -> {
                if (i == 3 || i == 39) {
                    throw new IllegalStateException("agent " + i + " is broken");
                }
                return done.incrementAndGet();
            })).isInstanceOf(IllegalStateException.class).hasMessage("agent 39 is broken")
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
            // [0, 10) stopped at 3, [10, 20) and [20, 30) ran through, the caller's [30, 40) failed last
            assertThat(done.get()).isEqualTo(3 + 10 + 10 + 9);
        }
    }

    @Test
    void refusesNoThreadsAndEmptyPartitions() {
        assertThatThrownBy(() -> new AgentPartitions(0, 10)).hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> new AgentPartitions(2, 0)).hasMessageContaining("minPerPartition must be >= 1");
    }

    @Test
    void anEmptyListHasNoResults() {
        try (AgentPartitions partitions = new AgentPartitions(4, 1)) {
            assertThat(partitions.map(List.<Integer>of(), i -> i)).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the partitions did not run side by side");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
