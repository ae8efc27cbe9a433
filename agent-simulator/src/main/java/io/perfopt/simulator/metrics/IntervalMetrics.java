package io.perfopt.simulator.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one interval: an aggregate per metric name, and for some metrics the
 * individual observations. Every value is finite; a metric with nothing to go on is absent.
 *
 * @param fromMs  start of the interval, ms after the agent's start
 * @param toMs    end of the interval
 * @param metrics aggregate per standard metric name
 * @param samples observations per metric name
 */
public record IntervalMetrics(double fromMs, double toMs, Map<String, Double> metrics,
                              Map<String, List<Double>> samples) {

    public IntervalMetrics {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        samples.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        samples = Collections.unmodifiableMap(copy);
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("metric " + name + " must be finite, got " + value);
            }
        });
    }

    /** The aggregate of a metric, or {@code NaN} when the interval had none. */
    public double get(String metric) {
        Double value = metrics.get(metric);
        return value == null ? Double.NaN : value;
    }
}
