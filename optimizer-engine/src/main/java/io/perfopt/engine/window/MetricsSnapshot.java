package io.perfopt.engine.window;

import io.perfopt.api.Require;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable {@link AgentMetrics}: the summaries of an agent's windows taken at one moment.
 * The store hands these out rather than live views so that one detection pass reads one
 * consistent set of numbers while ingestion goes on.
 *
 * @param summaries summary per metric name; every key equals its summary's metric
 */
public record MetricsSnapshot(Map<String, MetricSummary> summaries) implements AgentMetrics {

    /** No metrics at all. */
    public static final MetricsSnapshot EMPTY = new MetricsSnapshot(Map.of());

    public MetricsSnapshot {
        Require.notNull("summaries", summaries);
        summaries = Map.copyOf(summaries);
        summaries.forEach((name, summary) -> {
            if (!name.equals(summary.metric())) {
                throw new IllegalArgumentException(
                        "summary under key " + name + " describes metric " + summary.metric());
            }
        });
    }

    /** A snapshot of the given summaries, keyed by their metric names. */
    public static MetricsSnapshot of(MetricSummary... summaries) {
        return new MetricsSnapshot(Arrays.stream(summaries)
                .collect(Collectors.toMap(MetricSummary::metric, Function.identity())));
    }

    @Override
    public Set<String> metrics() {
        return summaries.keySet();
    }

    @Override
    public Optional<MetricSummary> summary(String metric) {
        return Optional.ofNullable(summaries.get(metric));
    }
}
