package io.perfopt.benchmarks.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * The median of repeated measurements with their spread: the interquartile range (25th to 75th
 * percentile, type 7) and the extremes. On a noisy two-core machine a median with its quartiles
 * says more than a mean with a standard deviation that one slow garbage collection inflates.
 *
 * @param n      measurements
 * @param median the median
 * @param p25    the 25th percentile
 * @param p75    the 75th percentile
 * @param min    the smallest
 * @param max    the largest
 */
public record Spread(int n, double median, double p25, double p75, double min, double max) {

    /** The spread of these values; NaN everywhere when there are none. */
    public static Spread of(double... values) {
        if (values.length == 0) {
            return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75),
                sorted[0], sorted[sorted.length - 1]);
    }

    /** The spread of these values. */
    public static Spread of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** Hyndman–Fan type 7 on sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** "12.3 (IQR 11.9–13.0, n 20)" with {@code format} applied to each number. */
    public String describe(String format) {
        return String.format(Locale.ROOT, format + " (IQR " + format + "–" + format + ", n %d)", median, p25, p75, n);
    }

    /** This spread scaled, e.g. per agent. */
    public Spread divided(double by) {
        return new Spread(n, median / by, p25 / by, p75 / by, min / by, max / by);
    }
}
