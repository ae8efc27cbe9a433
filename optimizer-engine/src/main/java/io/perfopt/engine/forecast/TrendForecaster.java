package io.perfopt.engine.forecast;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.engine.detect.ThresholdPolicy;
import java.time.Instant;
import java.util.List;

/** SKELETON. Per agent and metric trends; forecasts breaches before they happen. */
public final class TrendForecaster {

    public TrendForecaster(ForecastConfig config, ThresholdPolicy thresholds, String latencyStatistic) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Feeds this evaluation's values and returns PROACTIVE bottlenecks for metrics that are still
     * inside their threshold but are forecast to cross it within the horizon.
     */
    public List<Bottleneck> observe(String agentId, AgentMetrics metrics, Instant now) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void forget(String agentId) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
