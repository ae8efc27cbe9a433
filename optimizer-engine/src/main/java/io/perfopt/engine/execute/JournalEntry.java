package io.perfopt.engine.execute;

import io.perfopt.api.Require;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A change as the journal keeps it until its verdict: enough to finish judging it or to undo
 * it on another node or after a restart. Written before the change reaches the agent.
 *
 * @param id            the strategy id
 * @param agentId       the agent changed
 * @param strategy      the strategy applied
 * @param knobsBefore   the changed knobs as they were before (old values, types, ranges)
 * @param state         where the change stands
 * @param appliedAt     when it was applied (or is being applied)
 * @param observeFrom   start of the observation: applied plus the settle time
 * @param judgeAt       when enough time has passed to judge it
 * @param beforeSamples samples of the judged metrics before the change, per metric
 * @param nodeId        the node that applied it
 * @param verdict       the verdict once reached (rollback pending); null before
 */
public record JournalEntry(String id, String agentId, OptimizationStrategy strategy, List<Knob> knobsBefore,
                           JournalState state, Instant appliedAt, Instant observeFrom, Instant judgeAt,
                           Map<String, List<Double>> beforeSamples, String nodeId, Verdict verdict) {

    public JournalEntry {
        Require.notBlank("journal entry id", id);
        Require.notBlank("agentId", agentId);
        Require.notNull("strategy", strategy);
        knobsBefore = List.copyOf(knobsBefore);
        Require.notNull("state", state);
        Require.notNull("appliedAt", appliedAt);
        Require.notNull("observeFrom", observeFrom);
        Require.notNull("judgeAt", judgeAt);
        beforeSamples = Map.copyOf(beforeSamples);
        Require.notBlank("nodeId", nodeId);
    }

    /** This entry in another state. */
    public JournalEntry withState(JournalState newState, Verdict newVerdict) {
        return new JournalEntry(id, agentId, strategy, knobsBefore, newState, appliedAt, observeFrom, judgeAt,
                beforeSamples, nodeId, newVerdict);
    }

    /** This entry taken over by another node. */
    public JournalEntry withNode(String newNodeId) {
        return new JournalEntry(id, agentId, strategy, knobsBefore, state, appliedAt, observeFrom, judgeAt,
                beforeSamples, newNodeId, verdict);
    }

    /** The knob as it was before the change. */
    public Knob knobBefore(String name) {
        return knobsBefore.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("journal entry " + id + " has no knob " + name));
    }

    /** The before samples of a metric as an array. */
    public double[] before(String metric) {
        return beforeSamples.getOrDefault(metric, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
