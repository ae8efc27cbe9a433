package io.perfopt.engine.detect;

import io.perfopt.api.Require;
import java.util.List;

/**
 * How detection debounces.
 *
 * @param raiseAfter         consecutive evaluations over a threshold before a bottleneck is raised (2)
 * @param clearAfter         consecutive evaluations back inside the hysteresis band before it clears (2)
 * @param hysteresis         relative band a metric must clear the threshold by to count as recovered (0.10);
 *                           see {@link ThresholdRule#clearLevel} for how it applies to each metric
 * @param latencyStatistic   the response-time statistic compared with its threshold: p50, p95, p99 or mean (p95)
 * @param minSamples         samples a metric needs in the window to be evaluated at all (3)
 */
public record DetectionConfig(int raiseAfter, int clearAfter, double hysteresis, String latencyStatistic,
                              int minSamples) {

    /** The statistics of {@code responseTimeMs} a threshold may be compared with. */
    public static final List<String> LATENCY_STATISTICS = List.of("mean", "p50", "p95", "p99");

    public DetectionConfig {
        if (raiseAfter < 1) {
            throw new IllegalArgumentException("detection raiseAfter must be >= 1 evaluation, got " + raiseAfter);
        }
        if (clearAfter < 1) {
            throw new IllegalArgumentException("detection clearAfter must be >= 1 evaluation, got " + clearAfter);
        }
        Require.finite("detection hysteresis", hysteresis);
        if (hysteresis < 0 || hysteresis >= 1) {
            throw new IllegalArgumentException("detection hysteresis must be within [0, 1), got " + hysteresis);
        }
        requireLatencyStatistic("detection latencyStatistic", latencyStatistic);
        if (minSamples < 1) {
            throw new IllegalArgumentException("detection minSamples must be >= 1, got " + minSamples);
        }
    }

    public static DetectionConfig defaults() {
        return new DetectionConfig(2, 2, 0.10, "p95", 3);
    }

    public DetectionConfig withRaiseAfter(int value) {
        return new DetectionConfig(value, clearAfter, hysteresis, latencyStatistic, minSamples);
    }

    public DetectionConfig withClearAfter(int value) {
        return new DetectionConfig(raiseAfter, value, hysteresis, latencyStatistic, minSamples);
    }

    public DetectionConfig withHysteresis(double value) {
        return new DetectionConfig(raiseAfter, clearAfter, value, latencyStatistic, minSamples);
    }

    public DetectionConfig withLatencyStatistic(String value) {
        return new DetectionConfig(raiseAfter, clearAfter, hysteresis, value, minSamples);
    }

    public DetectionConfig withMinSamples(int value) {
        return new DetectionConfig(raiseAfter, clearAfter, hysteresis, latencyStatistic, value);
    }

    /** Rejects anything but mean, p50, p95 and p99, naming {@code field} in the message. */
    public static String requireLatencyStatistic(String field, String value) {
        if (!LATENCY_STATISTICS.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + String.join(", ", LATENCY_STATISTICS)
                    + ", got " + (value == null ? "null" : '"' + value + '"'));
        }
        return value;
    }
}
