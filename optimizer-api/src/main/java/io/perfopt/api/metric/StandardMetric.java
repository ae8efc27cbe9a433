package io.perfopt.api.metric;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metrics perfopt knows by name, with the range their values must lie in and the direction
 * in which they improve. Agents may report other metrics too; those are kept by name as
 * {@link MetricKind#UNBOUNDED} and never judged as targets unless a plugin names them.
 */
public enum StandardMetric {
    RESPONSE_TIME_MS("responseTimeMs", MetricKind.DURATION_MS, Goal.MINIMIZE),
    SUCCESS_RATE("successRate", MetricKind.RATIO, Goal.MAXIMIZE),
    AVERAGE_CONFIDENCE("averageConfidence", MetricKind.RATIO, Goal.MAXIMIZE),
    DECISION_COUNT("decisionCount", MetricKind.COUNT, Goal.MAXIMIZE),
    ADAPTATION_SCORE("adaptationScore", MetricKind.RATIO, Goal.MAXIMIZE),
    COORDINATION_SCORE("coordinationScore", MetricKind.RATIO, Goal.MAXIMIZE),
    RESOURCE_EFFICIENCY("resourceEfficiency", MetricKind.RATIO, Goal.MAXIMIZE),
    GOAL_PROGRESS("goalProgress", MetricKind.RATIO, Goal.MAXIMIZE),
    CPU("cpu", MetricKind.RATIO, Goal.MINIMIZE),
    MEMORY("memory", MetricKind.RATIO, Goal.MINIMIZE),
    NETWORK("network", MetricKind.RATIO, Goal.MINIMIZE),
    STORAGE("storage", MetricKind.RATIO, Goal.MINIMIZE),
    DECISION_SPEED_MS("decisionSpeedMs", MetricKind.DURATION_MS, Goal.MINIMIZE),
    ACCURACY_RATE("accuracyRate", MetricKind.RATIO, Goal.MAXIMIZE),
    MESSAGE_LATENCY_MS("messageLatencyMs", MetricKind.DURATION_MS, Goal.MINIMIZE),
    CONFLICT_RESOLUTION_TIME_MS("conflictResolutionTimeMs", MetricKind.DURATION_MS, Goal.MINIMIZE),
    COOPERATION_SCORE("cooperationScore", MetricKind.RATIO, Goal.MAXIMIZE);

    private static final Map<String, StandardMetric> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StandardMetric::key, Function.identity()));

    private final String key;
    private final MetricKind kind;
    private final Goal goal;

    StandardMetric(String key, MetricKind kind, Goal goal) {
        this.key = key;
        this.kind = kind;
        this.goal = goal;
    }

    /** The name used on the wire and in every report, e.g. {@code responseTimeMs}. */
    public String key() {
        return key;
    }

    /** The range the values must lie in. */
    public MetricKind kind() {
        return kind;
    }

    /** Which way the metric improves. */
    public Goal goal() {
        return goal;
    }

    /** The standard metric of that wire name, if it is one. */
    public static Optional<StandardMetric> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The kind of any metric name: its standard kind, or {@link MetricKind#UNBOUNDED}. */
    public static MetricKind kindOf(String key) {
        return byKey(key).map(StandardMetric::kind).orElse(MetricKind.UNBOUNDED);
    }

    /**
     * The goal of any metric name. Unknown metrics are assumed to be costs when their name
     * says so (latency, time, error, usage) and benefits otherwise; a plugin that targets an
     * unknown metric should name its goal explicitly where this guess is wrong.
     */
    public static Goal goalOf(String key) {
        return byKey(key).map(StandardMetric::goal).orElseGet(() -> guessGoal(key));
    }

    private static Goal guessGoal(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        for (String cost : new String[] {"latency", "time", "ms", "error", "usage", "cpu", "memory", "cost"}) {
            if (lower.contains(cost)) {
                return Goal.MINIMIZE;
            }
        }
        return Goal.MAXIMIZE;
    }
}
