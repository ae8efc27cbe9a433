package io.perfopt.api.metric;

import io.perfopt.api.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics document of the agent protocol, as pulled from {@code GET {metricsUrl}} or pushed
 * to {@code POST /api/metrics}:
 *
 * <pre>{@code
 * {"agentId": "market-hunter", "timestamp": "2026-11-25T12:00:00Z",
 *  "metrics": {"responseTimeMs": 2500, "successRate": 0.62},
 *  "samples": {"responseTimeMs": [2410, 2630, 2480]}}
 * }</pre>
 *
 * Where raw {@code samples} are given for a metric they are its observations and the aggregate
 * in {@code metrics} is ignored; otherwise the aggregate counts as one observation. Values are
 * kept as given here and validated one by one in {@link #toSamples()}, so that one bad value
 * costs only itself.
 *
 * @param agentId   the agent the metrics belong to
 * @param timestamp when they were observed
 * @param metrics   aggregate value per metric name
 * @param samples   raw observations per metric name, optional
 */
public record MetricsDocument(String agentId, Instant timestamp, Map<String, Double> metrics,
                              Map<String, List<Double>> samples) {

    public MetricsDocument {
        Require.notBlank("agentId", agentId);
        Require.notNull("timestamp", timestamp);
        metrics = metrics == null ? Map.of() : copyAllowingNaN(metrics);
        samples = samples == null ? Map.of() : copySamples(samples);
        if (metrics.isEmpty() && samples.isEmpty()) {
            throw new IllegalArgumentException("metrics document of agent " + agentId + " holds no metrics");
        }
    }

    /** A document of aggregate values only. */
    public static MetricsDocument of(String agentId, Instant timestamp, Map<String, Double> metrics) {
        return new MetricsDocument(agentId, timestamp, metrics, Map.of());
    }

    /**
     * Validates every value and splits the document into accepted samples and rejections.
     * A rejection names the agent, the metric, the value and the rule it broke.
     */
    public Conversion toSamples() {
        List<MetricSample> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        samples.forEach((metric, values) -> {
            values.forEach(v -> convert(metric, v, accepted, rejected));
            if (values.isEmpty() && !metrics.containsKey(metric)) {
                rejected.add("metric " + metric + " of agent " + agentId + " has an empty samples list");
            }
        });
        metrics.forEach((metric, value) -> {
            // an empty samples list is no observation: the aggregate stands in for it
            if (samples.getOrDefault(metric, List.of()).isEmpty()) {
                convert(metric, value, accepted, rejected);
            }
        });
        return new Conversion(List.copyOf(accepted), List.copyOf(rejected));
    }

    private void convert(String metric, Double value, List<MetricSample> accepted, List<String> rejected) {
        if (value == null) {
            rejected.add("metric " + metric + " of agent " + agentId + " has no value");
            return;
        }
        try {
            accepted.add(new MetricSample(agentId, metric, value, timestamp));
        } catch (IllegalArgumentException e) {
            rejected.add(e.getMessage());
        }
    }

    // Map.copyOf rejects null values; a null here is reported per metric by toSamples instead.
    private static Map<String, Double> copyAllowingNaN(Map<String, Double> metrics) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    private static Map<String, List<Double>> copySamples(Map<String, List<Double>> samples) {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        samples.forEach((k, v) -> copy.put(k, v == null ? List.of()
                : java.util.Collections.unmodifiableList(new ArrayList<>(v))));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The outcome of validating a document.
     *
     * @param accepted samples that passed validation
     * @param rejected one message per value that did not
     */
    public record Conversion(List<MetricSample> accepted, List<String> rejected) {
    }
}
