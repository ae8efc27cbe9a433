package io.perfopt.api.metric;

import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of an agent's recent metrics, as a plugin sees them while planning.
 * Summaries cover the engine's current observation window.
 */
public interface AgentMetrics {

    /** The names of the metrics with at least one sample in the window. */
    Set<String> metrics();

    /** The window's statistics for a metric, or empty when it has no samples. */
    Optional<MetricSummary> summary(String metric);

    /** The window's mean of a metric, or {@code fallback} when it has no samples. */
    default double mean(String metric, double fallback) {
        return summary(metric).map(MetricSummary::mean).orElse(fallback);
    }

    /** An agent with no metrics at all. */
    static AgentMetrics empty() {
        return new AgentMetrics() {
            @Override
            public Set<String> metrics() {
                return Set.of();
            }

            @Override
            public Optional<MetricSummary> summary(String metric) {
                return Optional.empty();
            }
        };
    }
}
