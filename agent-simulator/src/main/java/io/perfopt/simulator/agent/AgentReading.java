package io.perfopt.simulator.agent;

import io.perfopt.simulator.metrics.IntervalMetrics;
import java.time.Instant;

/**
 * What one read of an agent's metrics returned.
 *
 * @param agentId    the agent
 * @param agentClass its class
 * @param timestamp  the virtual instant of the read
 * @param metrics    the interval since the reader's previous read
 */
public record AgentReading(String agentId, String agentClass, Instant timestamp, IntervalMetrics metrics) {

    public AgentReading {
        if (agentId == null || timestamp == null || metrics == null) {
            throw new IllegalArgumentException("a reading needs an agent, a time and metrics, got " + agentId
                    + ", " + timestamp + ", " + metrics);
        }
    }

    /** The aggregate of one metric, or {@code NaN} when the interval had none. */
    public double get(String metric) {
        return metrics.get(metric);
    }
}
