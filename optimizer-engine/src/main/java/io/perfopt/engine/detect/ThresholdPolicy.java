package io.perfopt.engine.detect;

import io.perfopt.api.Require;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Global thresholds plus per-agent overrides. Thread-safe: the command API may change an
 * agent's overrides while a cycle reads them. Overrides are validated when they are set (an
 * override that would make an agent's thresholds inconsistent is rejected then, naming the
 * agent), so that {@link #forAgent} never fails during a cycle.
 */
public final class ThresholdPolicy {

    private final Thresholds global;
    private final ConcurrentMap<String, AgentOverride> overrides = new ConcurrentHashMap<>();

    public ThresholdPolicy(Thresholds global) {
        this.global = Require.notNull("global thresholds", global);
    }

    public static ThresholdPolicy defaults() {
        return new ThresholdPolicy(Thresholds.defaults());
    }

    public Thresholds global() {
        return global;
    }

    /** The agent's thresholds: the global ones with the agent's overrides applied. */
    public Thresholds forAgent(String agentId) {
        AgentOverride override = overrides.get(agentId);
        return override == null ? global : override.thresholds();
    }

    /**
     * Sets (replaces) the overrides of one agent, e.g. {@code {"responseTimeMs": 1500}}; an empty
     * map removes them.
     */
    public void override(String agentId, Map<String, Double> overrides) {
        Require.notBlank("agentId", agentId);
        Require.notNull("threshold overrides of agent " + agentId, overrides);
        if (overrides.isEmpty()) {
            this.overrides.remove(agentId);
            return;
        }
        Thresholds thresholds;
        try {
            thresholds = global.with(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("threshold override of agent " + agentId + " rejected: "
                    + e.getMessage(), e);
        }
        this.overrides.put(agentId, new AgentOverride(Map.copyOf(overrides), thresholds));
    }

    /** The overrides set for an agent; empty when it uses the global thresholds. */
    public Map<String, Double> overrides(String agentId) {
        AgentOverride override = overrides.get(agentId);
        return override == null ? Map.of() : override.values();
    }

    private record AgentOverride(Map<String, Double> values, Thresholds thresholds) {
    }
}
