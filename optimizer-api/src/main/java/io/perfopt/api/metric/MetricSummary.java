package io.perfopt.api.metric;

import io.perfopt.api.Require;

/**
 * Statistics of a window of samples of one metric: how many, their mean and their quantiles.
 * A summary always describes at least one sample; where there are none, APIs return
 * {@code Optional.empty()} instead.
 *
 * @param metric the metric name
 * @param count  number of samples, at least 1
 * @param mean   arithmetic mean
 * @param min    smallest sample
 * @param p50    median
 * @param p95    95th percentile
 * @param p99    99th percentile
 * @param max    largest sample
 */
public record MetricSummary(String metric, long count, double mean, double min, double p50, double p95,
                            double p99, double max) {

    public MetricSummary {
        Require.notBlank("metric name", metric);
        if (count < 1) {
            throw new IllegalArgumentException("summary of " + metric + " needs count >= 1, got " + count);
        }
        Require.finite(metric + " mean", mean);
        Require.finite(metric + " min", min);
        Require.finite(metric + " p50", p50);
        Require.finite(metric + " p95", p95);
        Require.finite(metric + " p99", p99);
        Require.finite(metric + " max", max);
        if (min > max) {
            throw new IllegalArgumentException(metric + " min " + min + " exceeds max " + max);
        }
    }

    /** A summary of a single value. */
    public static MetricSummary of(String metric, double value) {
        return new MetricSummary(metric, 1, value, value, value, value, value, value);
    }

    /** The statistic by name: {@code mean}, {@code min}, {@code p50}, {@code p95}, {@code p99} or {@code max}. */
    public double statistic(String name) {
        return switch (name) {
            case "mean" -> mean;
            case "min" -> min;
            case "p50", "median" -> p50;
            case "p95" -> p95;
            case "p99" -> p99;
            case "max" -> max;
            default -> throw new IllegalArgumentException(
                    "unknown statistic " + name + "; use mean, min, p50, p95, p99 or max");
        };
    }
}
