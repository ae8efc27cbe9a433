package io.perfopt.engine.detect;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.optimization.Bottleneck;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** SKELETON. Reactive detection with persistence and hysteresis. */
public final class BottleneckDetector {

    public BottleneckDetector(DetectionConfig config, ThresholdPolicy thresholds) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Evaluates one agent; returns its open (persisted, not yet cleared) REACTIVE bottlenecks. */
    public List<Bottleneck> evaluate(String agentId, AgentMetrics metrics, Instant now) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Evaluates the overall system score over the agents given; returns an open SYSTEM_SCORE bottleneck if any. */
    public List<Bottleneck> evaluateSystem(Map<String, AgentMetrics> fleet, Instant now) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The system score of the fleet (see HealthScore); empty when no agent has metrics. */
    public OptionalDouble systemScore(Map<String, AgentMetrics> fleet) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Forgets the state of an agent (it left, or is now owned by another node). */
    public void forget(String agentId) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
