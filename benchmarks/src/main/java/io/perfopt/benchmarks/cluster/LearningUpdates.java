package io.perfopt.benchmarks.cluster;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.learn.LearningStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed loop of threads recording verdicts into learning stores, each thread through one of
 * the stores given (one per member), on keys drawn from a fixed set of actions; and the check
 * that no update was lost: the trials counted in the stores equal the records made.
 */
final class LearningUpdates {

    private final List<ActionKey> keys = new ArrayList<>();

    LearningUpdates(int actions) {
        String[] knobs = {"cache.size", "worker.threads", "batch.size", "timeout.ms", "prefetch.ratio"};
        for (int i = 0; i < actions; i++) {
            keys.add(new ActionKey("latency-optimizer", "class-" + (i / 10), BottleneckType.RESPONSE_TIME,
                    knobs[i % knobs.length], i % 2 == 0 ? ChangeDirection.UP : ChangeDirection.DOWN, "x" + (i % 3)));
        }
    }

    List<ActionKey> keys() {
        return keys;
    }

    /** Records for {@code duration} from {@code threads} threads; returns the records made. */
    long run(List<LearningStore> stores, int threads, Duration duration) throws InterruptedException {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            LearningStore store = stores.get(t % stores.size());
            SplittableRandom random = new SplittableRandom(t);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    boolean kept = random.nextInt(3) == 0;
                    store.record(keys.get(random.nextInt(keys.size())), new LearningOutcome(
                            kept ? Verdict.IMPROVED : Verdict.NO_EFFECT, kept ? 5 + random.nextDouble() * 10 : 0));
                    done.increment();
                }
            }, "learning-load-" + t);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        return done.sum();
    }

    /** The trials the store holds over every key. */
    long trials(LearningStore store) {
        return keys.stream().mapToLong(k -> store.stats(k).trials()).sum();
    }
}
