package io.perfopt.engine.judge;

import io.perfopt.api.metric.MetricSummary;
import java.util.Arrays;

/** Summaries of small sample arrays, as the judge reports them. */
public final class SampleStatistics {

    private SampleStatistics() {
    }

    /** The summary of {@code values} (at least one), with type-7 (linear) quantiles. */
    public static MetricSummary summarize(String metric, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new MetricSummary(metric, sorted.length, sum / sorted.length, sorted[0], quantile(sorted, 0.50),
                quantile(sorted, 0.95), quantile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** The median of {@code values} (at least one). */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return HodgesLehmann.median(sorted);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
