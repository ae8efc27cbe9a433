package io.perfopt.integration.cluster;

import com.hazelcast.map.IMap;
import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.engine.learn.LearningStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learning shared by every member: a map from {@link ActionKey#asText()} to
 * {@link LearningStats}, with synchronous backups and (with a database) written through to
 * {@code learning_stats} after each update. Updated only by {@link RecordOutcome} entry processors, never by a
 * read-modify-write, so concurrent verdicts from any number of members all count.
 */
public final class ClusterLearningStore implements LearningStore {

    private static final Logger log = LoggerFactory.getLogger(ClusterLearningStore.class);

    private final IMap<String, LearningStats> stats;
    private final Optional<LearningTable> table;

    /** @param table where every update is written through; empty to keep learning in memory only */
    public ClusterLearningStore(IMap<String, LearningStats> stats, Optional<LearningTable> table) {
        this.stats = stats;
        this.table = table;
    }

    @Override
    public LearningStats stats(ActionKey key) {
        LearningStats known = stats.get(key.asText());
        return known == null ? LearningStats.NONE : known;
    }

    @Override
    public void record(ActionKey key, LearningOutcome outcome) {
        LearningStats updated = stats.executeOnKey(key.asText(), new RecordOutcome(outcome));
        table.ifPresent(t -> {
            try {
                t.storeIfNewer(key.asText(), updated);
            } catch (StoreFailure e) {
                // the trial is counted in the cluster; the row catches up with the key's next update
                log.warn("learning {} is counted but not yet in the database: {}", key, e.getMessage());
            }
        });
    }

    @Override
    public Map<ActionKey, LearningStats> snapshot() {
        Map<ActionKey, LearningStats> copy = new HashMap<>();
        for (Map.Entry<String, LearningStats> e : stats.entrySet()) {
            try {
                copy.put(ActionKey.parse(e.getKey()), e.getValue());
            } catch (IllegalArgumentException bad) {
                log.warn("learning entry {} has no valid action key and is left out: {}", e.getKey(), bad.getMessage());
            }
        }
        return Map.copyOf(copy);
    }
}
