package io.perfopt.integration.cluster;

import com.hazelcast.map.EntryProcessor;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.learning.LearningStats;
import java.util.Map;

/**
 * Adds one judged trial to an action's statistics where the entry lives: the partition thread
 * runs it alone, so concurrent records from any member never lose an update. The backup
 * replicas run the same pure {@link LearningStats#after} and so hold the same value. It returns the
 * new value, which the store then writes to the database.
 */
public final class RecordOutcome implements EntryProcessor<String, LearningStats, LearningStats> {

    private static final long serialVersionUID = 1L;

    private final LearningOutcome outcome;

    public RecordOutcome(LearningOutcome outcome) {
        this.outcome = outcome;
    }

    public LearningOutcome outcome() {
        return outcome;
    }

    @Override
    public LearningStats process(Map.Entry<String, LearningStats> entry) {
        LearningStats before = entry.getValue() == null ? LearningStats.NONE : entry.getValue();
        LearningStats after = before.after(outcome);
        entry.setValue(after);
        return after;
    }
}
