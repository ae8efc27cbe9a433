package io.perfopt.benchmarks.window;

import io.perfopt.api.metric.MetricSummary;
import io.perfopt.engine.window.Quantile;
import java.util.Optional;

/**
 * The summary of an array as the engine made it before its quantiles were selected each above the
 * previous rank: one pass (a Neumaier sum, min, max), then three quickselects over the whole copy.
 * Kept here only so that {@link DetectionViewBenchmark} measures the old and the new read in one
 * run; its numbers equal the engine's to the last bit (the smoke test checks).
 */
final class SummaryAsBefore {

    private SummaryAsBefore() {
    }

    static Optional<MetricSummary> of(String metric, double[] values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        double[] copy = values.clone();
        int n = copy.length;
        double sum = 0;
        double compensation = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : copy) {
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double p50 = Quantile.select(copy, n, 0.50);
        double p95 = Quantile.select(copy, n, 0.95);
        double p99 = Quantile.select(copy, n, 0.99);
        double mean = Math.min(Math.max((sum + compensation) / n, min), max);
        return Optional.of(new MetricSummary(metric, n, mean, min, p50, p95, p99, max));
    }
}
