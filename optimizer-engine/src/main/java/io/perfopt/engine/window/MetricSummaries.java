package io.perfopt.engine.window;

import io.perfopt.api.metric.MetricSummary;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/**
 * Summaries of arbitrary arrays of samples (a sub-range of a window, a verification window):
 * one pass for count, sum, min and max, then {@link Quantile#select quickselect} on a copy for
 * p50, p95 and p99, each above the rank of the one before. That is O(n) per summary, against
 * O(n log n) for sorting the copy; the caller's array is never reordered.
 */
public final class MetricSummaries {

    private MetricSummaries() {
    }

    /** The summary of {@code values}, or empty when there are none. */
    public static Optional<MetricSummary> of(String metric, double[] values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        double[] copy = values.clone();
        int n = copy.length;
        CompensatedSum sum = new CompensatedSum();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : copy) {
            sum.add(v);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // each selection leaves the copy split at its rank, so the next one searches above it only
        double p50 = Quantile.select(copy, 0, n, 0.50);
        double p95 = Quantile.select(copy, Quantile.lowerRank(n, 0.50), n, 0.95);
        double p99 = Quantile.select(copy, Quantile.lowerRank(n, 0.95), n, 0.99);
        double mean = mean(sum.value(), n, min, max, i -> values[i]);
        return Optional.of(new MetricSummary(metric, n, mean, min, p50, p95, p99, max));
    }

    /**
     * The mean from a running sum, kept within {@code [min, max]} against rounding; when the sum
     * of huge values overflowed, recomputed as a sum of {@code v / n}, which cannot.
     */
    static double mean(double sum, int n, double min, double max, IntToDoubleFunction valueAt) {
        double mean = sum / n;
        if (!Double.isFinite(mean)) {
            mean = 0;
            for (int i = 0; i < n; i++) {
                mean += valueAt.applyAsDouble(i) / n;
            }
        }
        return Math.min(Math.max(mean, min), max);
    }
}
