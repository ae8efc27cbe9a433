package io.perfopt.engine.detect;

import java.util.Map;

/** SKELETON. Global thresholds plus per-agent overrides; thread-safe, overrides may change at run time. */
public final class ThresholdPolicy {

    public ThresholdPolicy(Thresholds global) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static ThresholdPolicy defaults() {
        return new ThresholdPolicy(Thresholds.defaults());
    }

    public Thresholds global() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The agent's thresholds: the global ones with the agent's overrides applied. */
    public Thresholds forAgent(String agentId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Sets (replaces) the overrides of one agent, e.g. {@code {"responseTimeMs": 1500}}. */
    public void override(String agentId, Map<String, Double> overrides) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
