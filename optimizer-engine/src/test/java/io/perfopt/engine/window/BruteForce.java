package io.perfopt.engine.window;

import io.perfopt.api.metric.MetricSummary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/** The obvious, slow way to summarise samples: sort everything, sum exactly. Tests compare against it. */
final class BruteForce {

    private BruteForce() {
    }

    static MetricSummary summary(String metric, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // DoubleStream sums with Kahan compensation: independent of the window's own summation
        double mean = Arrays.stream(sorted).average().orElseThrow();
        return new MetricSummary(metric, sorted.length, mean, sorted[0],
                type7(sorted, 0.50), type7(sorted, 0.95), type7(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** Hyndman and Fan type 7, written out independently of {@link Quantile}. */
    static double type7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    static double exactMean(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new BigDecimal(v));
        }
        return sum.divide(BigDecimal.valueOf(values.length), MathContext.DECIMAL128).doubleValue();
    }
}
