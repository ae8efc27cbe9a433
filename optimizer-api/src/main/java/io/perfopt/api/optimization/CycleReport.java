package io.perfopt.api.optimization;

import io.perfopt.api.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one optimization cycle saw and did, as sent to the orchestrator and stored.
 *
 * @param cycle            the cycle's number on this node, from 1
 * @param nodeId           the node that ran it
 * @param startedAt        start of the cycle
 * @param finishedAt       end of the cycle
 * @param phaseTimings     time spent per phase
 * @param systemScore      the fleet's overall health score (0..1); null when no agent was fresh
 * @param autonomyLevel    the autonomy level after this cycle (0.80..0.95)
 * @param agents           the agents this node evaluated
 * @param bottlenecks      bottlenecks open after detection, observed and forecast
 * @param strategies       every strategy proposed this cycle, best first
 * @param applied          ids of the strategies applied this cycle
 * @param awaitingApproval ids of the strategies that wait for approval
 * @param results          verdicts reached this cycle
 * @param impact           impact of every verdict since the node started
 * @param decisions        one plain sentence per decision, saying why
 * @param recommendations  advice for the orchestrator
 * @param errors           what went wrong without stopping the cycle (agent, plugin, reason)
 */
public record CycleReport(long cycle, String nodeId, Instant startedAt, Instant finishedAt,
                          Map<CyclePhase, Duration> phaseTimings, Double systemScore, double autonomyLevel,
                          List<String> agents, List<Bottleneck> bottlenecks, List<OptimizationStrategy> strategies,
                          List<String> applied, List<String> awaitingApproval, List<OptimizationResult> results,
                          ImpactReport impact, List<String> decisions, List<Recommendation> recommendations,
                          List<String> errors) {

    public CycleReport {
        Require.nonNegative("cycle", cycle);
        Require.notBlank("nodeId", nodeId);
        Require.notNull("startedAt", startedAt);
        Require.notNull("finishedAt", finishedAt);
        phaseTimings = Map.copyOf(phaseTimings);
        if (systemScore != null) {
            Require.between("systemScore", systemScore, 0, 1);
        }
        Require.between("autonomyLevel", autonomyLevel, 0, 1);
        agents = List.copyOf(agents);
        bottlenecks = List.copyOf(bottlenecks);
        strategies = List.copyOf(strategies);
        applied = List.copyOf(applied);
        awaitingApproval = List.copyOf(awaitingApproval);
        results = List.copyOf(results);
        Require.notNull("impact", impact);
        decisions = List.copyOf(decisions);
        recommendations = List.copyOf(recommendations);
        errors = List.copyOf(errors);
    }

    /** The cycle's total duration. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
