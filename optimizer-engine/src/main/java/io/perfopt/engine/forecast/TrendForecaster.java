package io.perfopt.engine.forecast;

import io.perfopt.api.Require;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Severity;
import io.perfopt.engine.detect.DetectionConfig;
import io.perfopt.engine.detect.ThresholdPolicy;
import io.perfopt.engine.detect.ThresholdRule;
import io.perfopt.engine.detect.Thresholds;
import io.perfopt.engine.forecast.Series.BreachForecast;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proactive detection: follows each agent's response time (the configured statistic), success
 * rate and coordination score from one evaluation to the next and reports a PROACTIVE bottleneck
 * when a metric still inside its threshold is forecast to cross it within the horizon.
 *
 * <pre>
 *   per evaluation:   Holt.observe(value)                      one value per agent, metric, evaluation
 *   steps to breach:  (threshold - level) / trend              trend pointing toward the threshold
 *   seconds:          steps * mean interval between evaluations
 * </pre>
 *
 * A forecast is made only after {@code minObservations} evaluations (and at least 3), only while
 * the recent least-squares slope stands out of the noise (a t-test at 0.001, see {@link RecentSlope}),
 * and never for a metric already past its threshold, which the reactive detector reports. The
 * bottleneck has the reactive rule's type; its severity is HIGH when the breach is forecast
 * within a third of the horizon, MEDIUM otherwise; its impact is the reactive formula applied to
 * the value forecast at the end of the horizon (at the breach itself it would always be 0). A
 * falling coordination score yields the COORDINATION bottleneck whose fix is coordination
 * enhancement.
 *
 * <p>Called by one cycle thread at a time; per-agent state lives in a concurrent map and is locked
 * while observed.
 */
public final class TrendForecaster {

    private static final Logger log = LoggerFactory.getLogger(TrendForecaster.class);

    private final ForecastConfig config;
    private final ThresholdPolicy thresholds;
    private final String latencyStatistic;
    private final ConcurrentMap<String, Map<ThresholdRule, Series>> agents = new ConcurrentHashMap<>();

    public TrendForecaster(ForecastConfig config, ThresholdPolicy thresholds, String latencyStatistic) {
        this.config = Require.notNull("forecast config", config);
        this.thresholds = Require.notNull("threshold policy", thresholds);
        this.latencyStatistic = DetectionConfig.requireLatencyStatistic("forecast latencyStatistic", latencyStatistic);
    }

    /**
     * Feeds this evaluation's values and returns PROACTIVE bottlenecks for metrics that are still
     * inside their threshold but are forecast to cross it within the horizon.
     */
    public List<Bottleneck> observe(String agentId, AgentMetrics metrics, Instant now) {
        Require.notBlank("agentId", agentId);
        Require.notNull("metrics of agent " + agentId, metrics);
        Require.notNull("now", now);
        Thresholds agentThresholds = thresholds.forAgent(agentId);
        Map<ThresholdRule, Series> series = agents.computeIfAbsent(agentId, id -> new EnumMap<>(ThresholdRule.class));
        List<Bottleneck> forecast = new ArrayList<>();
        synchronized (series) {
            for (ThresholdRule rule : ThresholdRule.agentRules()) {
                Optional<MetricSummary> summary = metrics.summary(rule.metric());
                if (summary.isPresent()) {
                    Series one = series.computeIfAbsent(rule, r -> new Series(config));
                    observe(agentId, rule, summary.get(), one, agentThresholds, now).ifPresent(forecast::add);
                }
            }
        }
        return List.copyOf(forecast);
    }

    private Optional<Bottleneck> observe(String agentId, ThresholdRule rule, MetricSummary summary, Series series,
                                         Thresholds agentThresholds, Instant now) {
        String statistic = rule == ThresholdRule.RESPONSE_TIME ? latencyStatistic : "mean";
        if (!series.observe(now, summary.statistic(statistic))) {
            log.debug("{}: {} already observed at {} or later, skipped", agentId, rule.metric(), now);
            return Optional.empty();
        }
        Optional<BreachForecast> breach = series.forecastBreach(rule, agentThresholds, config);
        if (breach.isEmpty()) {
            if (series.forecastingSince().isPresent()) {
                log.info("{}: {} no longer forecast to breach", agentId, rule.label(statistic));
            }
            series.stopForecasting();
            return Optional.empty();
        }
        boolean first = series.forecastingSince().isEmpty();
        Bottleneck bottleneck = toBottleneck(agentId, rule, statistic, breach.get(), agentThresholds,
                series.startForecasting(now));
        if (first) {
            log.info("{}: forecast {} {} (impact {}): {}", agentId, bottleneck.severity(), rule.type(),
                    Math.round(bottleneck.impact()), bottleneck.description());
        } else {
            log.debug("{}: still forecast: {}", agentId, bottleneck.description());
        }
        return Optional.of(bottleneck);
    }

    /** Forgets the series of an agent (it left, or is now owned by another node). */
    public void forget(String agentId) {
        agents.remove(agentId);
    }

    private Bottleneck toBottleneck(String agentId, ThresholdRule rule, String statistic, BreachForecast breach,
                                    Thresholds agentThresholds, Instant since) {
        Severity severity = breach.secondsToBreach() <= config.horizonSeconds() / 3 ? Severity.HIGH : Severity.MEDIUM;
        String description = String.format(Locale.ROOT, "%s %s %s %s, forecast to %s %s in %d s", rule.label(statistic),
                rule.format(breach.current()), rule.worseningTrend(), rule.formatPerSecond(breach.trendPerSecond()),
                rule.crossing(), rule.format(breach.threshold()), Math.round(breach.secondsToBreach()));
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put("current", breach.current());
        evidence.put("forecast", breach.atHorizon());
        evidence.put("threshold", breach.threshold());
        evidence.put("trendPerSecond", breach.trendPerSecond());
        evidence.put("secondsToBreach", breach.secondsToBreach());
        evidence.put("horizonSeconds", config.horizonSeconds());
        evidence.put("tStatistic", clampInfinite(breach.tStatistic()));
        evidence.put("observations", (double) breach.observations());
        return new Bottleneck(rule.type(), severity, agentId, rule.metric(), description,
                rule.impact(breach.atHorizon(), agentThresholds), rule.suggestedFix(), evidence, Origin.PROACTIVE,
                since);
    }

    // evidence must be finite; a perfect line has an infinite t-statistic
    private static double clampInfinite(double value) {
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value));
    }
}
