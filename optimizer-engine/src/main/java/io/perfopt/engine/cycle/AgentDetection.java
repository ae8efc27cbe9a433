package io.perfopt.engine.cycle;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.optimization.Bottleneck;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What detection found for one agent in a cycle, gathered from the partitions' threads and
 * merged into the cycle in the agents' order.
 *
 * @param agentId     the agent
 * @param view        its metrics as detection read them; null when it is stale
 * @param bottlenecks its open reactive bottlenecks (and resource pressure); empty when stale
 * @param health      its health score (HealthScore.agent); empty when stale or without components
 * @param staleness   why a stale agent is not acted on; null when it is fresh
 */
record AgentDetection(String agentId, AgentMetrics view, List<Bottleneck> bottlenecks, OptionalDouble health,
                      String staleness) {

    AgentDetection {
        bottlenecks = List.copyOf(bottlenecks);
        Objects.requireNonNull(health, "health");
        if ((view == null) == (staleness == null)) {
            throw new IllegalArgumentException("agent " + agentId + ": a detection has a view or a staleness, not "
                    + (view == null ? "neither" : "both"));
        }
    }

    static AgentDetection stale(String agentId, String staleness) {
        return new AgentDetection(agentId, null, List.of(), OptionalDouble.empty(), staleness);
    }
}
