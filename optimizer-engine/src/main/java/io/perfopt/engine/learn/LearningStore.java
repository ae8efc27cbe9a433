package io.perfopt.engine.learn;

import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.learning.LearningStats;
import java.util.Map;

/**
 * Port: where learning state lives. Implementations must apply {@link #record} atomically per
 * key (no lost updates when several cycles or nodes record at once): the in-memory store uses
 * {@code ConcurrentHashMap.compute}, the cluster store a Hazelcast entry processor.
 */
public interface LearningStore {

    /** What is known about the action; {@link LearningStats#NONE} when nothing. */
    LearningStats stats(ActionKey key);

    /** Adds one judged trial to the action's statistics, atomically. */
    void record(ActionKey key, LearningOutcome outcome);

    /** A copy of everything learned. */
    Map<ActionKey, LearningStats> snapshot();
}
