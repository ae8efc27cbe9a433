package io.perfopt.engine.cycle;

import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.engine.learn.LearningStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learning store as planning reads it: when the store cannot answer (its database or
 * cluster is down), planning goes on as if nothing had been learned yet, and the cycle reports
 * the failure once. Recording is not softened here: outcomes that cannot be recorded wait in the
 * loop for the next cycle.
 */
final class TolerantLearning implements LearningStore {

    private static final Logger log = LoggerFactory.getLogger(TolerantLearning.class);

    private final LearningStore store;
    private final AtomicReference<String> failure = new AtomicReference<>();

    TolerantLearning(LearningStore store) {
        this.store = store;
    }

    @Override
    public LearningStats stats(ActionKey key) {
        try {
            return store.stats(key);
        } catch (RuntimeException e) {
            if (failure.compareAndSet(null, e.toString())) {
                log.warn("learning cannot be read now, planning as if nothing were learned: {}", e.toString());
            }
            return LearningStats.NONE;
        }
    }

    @Override
    public void record(ActionKey key, LearningOutcome outcome) {
        store.record(key, outcome);
    }

    @Override
    public Map<ActionKey, LearningStats> snapshot() {
        return store.snapshot();
    }

    /** The failure since the last call, as a sentence for the cycle report; null when there was none. */
    String drainFailure() {
        String f = failure.getAndSet(null);
        return f == null ? null : "learning could not be read, so this cycle planned as if nothing were learned: " + f;
    }
}
