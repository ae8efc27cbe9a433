package io.perfopt.engine.learn;

import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.learning.LearningStats;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link LearningStore} in one JVM's memory: for a single node without persistence, and for tests. */
public final class InMemoryLearningStore implements LearningStore {

    private final ConcurrentHashMap<ActionKey, LearningStats> stats = new ConcurrentHashMap<>();

    @Override
    public LearningStats stats(ActionKey key) {
        return stats.getOrDefault(key, LearningStats.NONE);
    }

    @Override
    public void record(ActionKey key, LearningOutcome outcome) {
        stats.compute(key, (k, old) -> (old == null ? LearningStats.NONE : old).after(outcome));
    }

    @Override
    public Map<ActionKey, LearningStats> snapshot() {
        return Map.copyOf(stats);
    }
}
