package io.perfopt.integration.persist;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.metric.StandardMetric;
import io.perfopt.engine.window.MetricStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The window summaries of each agent's standard metrics at the end of a cycle, over the
 * detection window: what detection looked at, kept with the cycle so that history shows the
 * numbers behind each decision. Metrics outside the standard set stay in the live windows only.
 */
public final class MetricSnapshots {

    private final Supplier<MetricStore> store;
    private final Duration window;

    /**
     * @param store  the engine's windows (a supplier: the loop that owns them is built after its sinks)
     * @param window how far back a snapshot summarizes
     */
    public MetricSnapshots(Supplier<MetricStore> store, Duration window) {
        this.store = store;
        this.window = window;
    }

    /** A snapshot of every agent that has standard metrics in the window ending at {@code to}. */
    public Snapshot take(List<String> agents, Instant to) {
        MetricStore metrics = store.get();
        Instant from = to.minus(window);
        Map<String, List<MetricSummary>> summaries = new LinkedHashMap<>();
        for (String agent : agents) {
            AgentMetrics view = metrics.viewSince(agent, from);
            List<MetricSummary> mine = new ArrayList<>();
            for (StandardMetric metric : StandardMetric.values()) {
                view.summary(metric.key()).ifPresent(mine::add);
            }
            if (!mine.isEmpty()) {
                summaries.put(agent, mine);
            }
        }
        return new Snapshot(from, to, summaries);
    }

    /**
     * The summaries of one moment.
     *
     * @param from    start of the window
     * @param to      end of the window
     * @param byAgent the summaries of each agent that had any
     */
    public record Snapshot(Instant from, Instant to, Map<String, List<MetricSummary>> byAgent) {

        public Snapshot {
            byAgent = Map.copyOf(byAgent);
        }

        /** No agent at all. */
        public static Snapshot none(Instant at) {
            return new Snapshot(at, at, Map.of());
        }
    }
}
