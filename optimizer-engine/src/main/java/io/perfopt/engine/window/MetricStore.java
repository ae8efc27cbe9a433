package io.perfopt.engine.window;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSample;
import io.perfopt.api.metric.MetricSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** SKELETON — to be implemented. Every agent's sliding windows, thread-safe. */
public final class MetricStore {

    public MetricStore(WindowConfig config, Clock clock) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void record(MetricSample sample) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void recordAll(Collection<MetricSample> samples) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The agent's metrics over the whole retained window (evicting by the clock first). */
    public AgentMetrics view(String agentId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The agent's metrics restricted to samples with timestamp >= since. */
    public AgentMetrics viewSince(String agentId, Instant since) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Optional<MetricSummary> summaryBetween(String agentId, String metric, Instant from, Instant to) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public double[] samples(String agentId, String metric, Instant from, Instant to) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** When the newest sample of any metric of the agent was observed. */
    public Optional<Instant> lastSeen(String agentId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Set<String> agents() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void forget(String agentId) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
