package io.perfopt.engine.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a phase's work for each agent over contiguous partitions of the agents on a bounded pool
 * of threads, and returns the results in the agents' order, so that a cycle reports the same
 * bottlenecks in the same order whatever the number of threads.
 *
 * <p>Why: detection and forecasting do the same small, independent work for every agent (each
 * agent's debouncing and trend state is its own and locked per agent), and at 10,000 agents most
 * of that time is spent waiting for memory, which several cores wait for side by side. The
 * calling thread runs one partition itself, so {@code threads} threads work in all. A list
 * shorter than two partitions of {@code minPerPartition} runs on the caller alone: for a small
 * fleet, handing work to another thread costs more than it saves.
 */
final class AgentPartitions implements AutoCloseable {

    private final int threads;
    private final int minPerPartition;
    private final ExecutorService pool;

    /**
     * @param threads         threads working on one phase, the caller's included; 1 runs everything inline
     * @param minPerPartition fewest agents worth a partition of their own
     */
    AgentPartitions(int threads, int minPerPartition) {
        if (threads < 1) {
            throw new IllegalArgumentException("partition threads must be >= 1, got " + threads);
        }
        if (minPerPartition < 1) {
            throw new IllegalArgumentException("minPerPartition must be >= 1, got " + minPerPartition);
        }
        this.threads = threads;
        this.minPerPartition = minPerPartition;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemonThreads());
    }

    /** {@code work} applied to each item, in the items' order; the first failure is rethrown. */
    <A, R> List<R> map(List<A> items, Function<? super A, ? extends R> work) {
        int partitions = Math.min(threads, items.size() / minPerPartition);
        if (partitions <= 1) {
            return mapRange(items, 0, items.size(), work);
        }
        List<Future<List<R>>> others = new ArrayList<>(partitions - 1);
        for (int p = 0; p < partitions - 1; p++) {
            int from = bound(items.size(), partitions, p);
            int to = bound(items.size(), partitions, p + 1);
            others.add(pool.submit(() -> mapRange(items, from, to, work)));
        }
        List<R> last;
        try {
            last = mapRange(items, bound(items.size(), partitions, partitions - 1), items.size(), work);
        } catch (RuntimeException | Error e) {
            others.forEach(other -> awaitAfter(e, other)); // no work of this phase may outlive it
            throw e;
        }
        List<R> results = new ArrayList<>(items.size());
        RuntimeException failure = null;
        for (Future<List<R>> other : others) {
            try {
                results.addAll(await(other));
            } catch (RuntimeException e) {
                // the others still finish before the first failure is thrown
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        results.addAll(last);
        return results;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static <A, R> List<R> mapRange(List<A> items, int from, int to, Function<? super A, ? extends R> work) {
        List<R> results = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            results.add(work.apply(items.get(i)));
        }
        return results;
    }

    private static int bound(int size, int partitions, int p) {
        return (int) ((long) size * p / partitions);
    }

    /** Waits for a partition while {@code failure} is on its way up; its own failure rides along. */
    private static void awaitAfter(Throwable failure, Future<?> partition) {
        try {
            partition.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
        } catch (ExecutionException e) {
            failure.addSuppressed(e.getCause());
        }
    }

    private static <R> List<R> await(Future<List<R>> partition) {
        try {
            return partition.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a partition of agents", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a partition of agents failed", e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "perfopt-partition-" + count.incrementAndGet());
            thread.setDaemon(true); // never keeps a JVM alive whose loop was not closed
            return thread;
        };
    }
}
