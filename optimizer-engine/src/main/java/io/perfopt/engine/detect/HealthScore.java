package io.perfopt.engine.detect;

import io.perfopt.api.Require;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.metric.StandardMetric;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How healthy an agent and the fleet are, from 0 to 1, from what was measured:
 *
 * <pre>
 *   latency(a) = min(1, threshold(a) / rt(a))      rt = the latency statistic of responseTimeMs; 1 when rt = 0
 *   health(a)  = mean of those of latency(a), successRate(a), coordinationScore(a), averageConfidence(a)
 *                that agent a reports (the ratios as window means)
 *   system     = mean of health(a) over the agents reporting at least one of them
 * </pre>
 *
 * A component counts only with at least {@code minSamples} samples, as in detection; an agent
 * with none counts not at all (it is unknown, not unhealthy), and a fleet with none has no
 * score. The latency component is 1 while the agent meets its own (possibly overridden)
 * threshold and falls in proportion as it exceeds it: 0.5 at twice the threshold.
 */
public final class HealthScore {

    private final ThresholdPolicy thresholds;
    private final String latencyStatistic;
    private final int minSamples;

    public HealthScore(ThresholdPolicy thresholds, String latencyStatistic, int minSamples) {
        this.thresholds = Require.notNull("threshold policy", thresholds);
        this.latencyStatistic = DetectionConfig.requireLatencyStatistic("health latencyStatistic", latencyStatistic);
        if (minSamples < 1) {
            throw new IllegalArgumentException("health minSamples must be >= 1, got " + minSamples);
        }
        this.minSamples = minSamples;
    }

    /** The components an agent's health is the mean of, by metric name; empty when it reports none. */
    public Map<String, Double> components(String agentId, AgentMetrics metrics) {
        Map<String, Double> components = new LinkedHashMap<>();
        usable(metrics, StandardMetric.RESPONSE_TIME_MS.key()).ifPresent(rt -> {
            double statistic = rt.statistic(latencyStatistic);
            double threshold = thresholds.forAgent(agentId).responseTimeMs();
            components.put(rt.metric(), statistic <= 0 ? 1 : Math.min(1, threshold / statistic));
        });
        for (StandardMetric ratio : new StandardMetric[] {StandardMetric.SUCCESS_RATE,
                StandardMetric.COORDINATION_SCORE, StandardMetric.AVERAGE_CONFIDENCE}) {
            usable(metrics, ratio.key()).ifPresent(s -> components.put(s.metric(), s.mean()));
        }
        return components;
    }

    /** The agent's health; empty when it reports none of the components. */
    public OptionalDouble agent(String agentId, AgentMetrics metrics) {
        return components(agentId, metrics).values().stream().mapToDouble(Double::doubleValue).average();
    }

    /** Health per agent, for the agents that have one, ordered by agent id. */
    public Map<String, Double> agents(Map<String, AgentMetrics> fleet) {
        Map<String, Double> health = new TreeMap<>();
        fleet.forEach((agentId, metrics) -> agent(agentId, metrics).ifPresent(h -> health.put(agentId, h)));
        return health;
    }

    /** The system score of the fleet; empty when no agent has a health. */
    public OptionalDouble system(Map<String, AgentMetrics> fleet) {
        return systemOf(agents(fleet));
    }

    /** The system score from the agents' health as {@link #agents} returns it; empty when there is none. */
    public static OptionalDouble systemOf(Map<String, Double> agentHealth) {
        return agentHealth.values().stream().mapToDouble(Double::doubleValue).average();
    }

    private Optional<MetricSummary> usable(AgentMetrics metrics, String metric) {
        return metrics.summary(metric).filter(s -> s.count() >= minSamples);
    }
}
