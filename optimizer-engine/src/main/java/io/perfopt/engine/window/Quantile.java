package io.perfopt.engine.window;

import io.perfopt.api.Require;
import java.util.function.IntToDoubleFunction;

/**
 * The one quantile definition perfopt uses everywhere: linear interpolation between the two
 * closest ranks, Hyndman and Fan's type 7 (the default of R, NumPy and Excel's PERCENTILE.INC).
 * For a sample of {@code n} values sorted as {@code x[0] <= ... <= x[n-1]}:
 *
 * <pre>
 *   h    = (n - 1) * p                         0-based position of the quantile
 *   k    = floor(h)
 *   Q(p) = x[k] + (h - k) * (x[k+1] - x[k])    (Q(p) = x[k] when k = n - 1)
 * </pre>
 *
 * Type 7 never leaves {@code [min, max]}, is continuous in {@code p}, gives the familiar median
 * of an even sample, and the single value of a sample of one. It is chosen over nearest-rank
 * because p95/p99 of small windows (a verification window may hold only 20 samples) then move
 * smoothly instead of jumping from one sample to the next.
 */
public final class Quantile {

    private Quantile() {
    }

    /**
     * The type-7 quantile of a sample of {@code n} values whose {@code k}-th smallest value
     * (0-based) {@code kth} returns; {@code kth} is asked for at most two ranks.
     */
    public static double interpolate(int n, double p, IntToDoubleFunction kth) {
        checkArguments(n, p);
        double h = (n - 1) * p;
        int k = (int) Math.floor(h);
        double lower = kth.applyAsDouble(k);
        double fraction = h - k;
        if (fraction == 0 || k + 1 >= n) {
            return lower;
        }
        return between(lower, kth.applyAsDouble(k + 1), fraction);
    }

    /** The type-7 quantile of the first {@code n} values of an ascending array. */
    public static double ofSorted(double[] sorted, int n, double p) {
        return interpolate(n, p, k -> sorted[k]);
    }

    /**
     * The type-7 quantile of the first {@code n} values of an unordered array, by quickselect in
     * O(n) expected time. The array is partially reordered (its values are kept), so that several
     * quantiles of the same array get cheaper one after the other.
     */
    public static double select(double[] values, int n, double p) {
        return select(values, 0, n, p);
    }

    /**
     * {@link #select(double[], int, double)} for an array already split at {@code from}: every
     * value before it {@code <=} every value from it on, as a selection of rank {@code from}
     * leaves it. Only {@code [from, n)} is searched, so p50, p95 and p99 of one array, selected in
     * that order each from the previous rank, search about 1.55 n values in all instead of 3 n.
     * The rank of {@code p} must not be below {@code from}.
     */
    static double select(double[] values, int from, int n, double p) {
        checkArguments(n, p);
        double h = (n - 1) * p;
        int k = (int) Math.floor(h);
        if (k < from) {
            throw new IllegalArgumentException("rank " + k + " of p " + p + " lies before the split at " + from);
        }
        double lower = kthSmallest(values, from, n, k);
        double fraction = h - k;
        if (fraction == 0 || k + 1 >= n) {
            return lower;
        }
        // kthSmallest leaves values[k+1..n) >= values[k]: the next rank is their minimum.
        double upper = Double.POSITIVE_INFINITY;
        for (int i = k + 1; i < n; i++) {
            upper = Math.min(upper, values[i]);
        }
        return between(lower, upper, fraction);
    }

    /** The 0-based rank below the type-7 quantile {@code p} of {@code n} values: floor((n - 1) p). */
    static int lowerRank(int n, double p) {
        return (int) Math.floor((n - 1) * p);
    }

    /**
     * The {@code k}-th smallest (0-based) of the values in {@code [from, n)}, moved to index
     * {@code k} with everything before it {@code <=} and everything after it {@code >=}: Hoare's
     * selection with a median-of-three pivot. Past a depth budget it sorts the remaining range,
     * so that adversarial input costs O(n log n) rather than O(n^2).
     */
    static double kthSmallest(double[] a, int from, int n, int k) {
        int lo = from;
        int hi = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(n - from)) + 8;
        while (hi > lo) {
            if (budget-- == 0) {
                java.util.Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            double pivot = medianOfThree(a, lo, (lo + hi) >>> 1, hi);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k]; // between j and i every value equals the pivot
            }
        }
        return a[k];
    }

    private static double medianOfThree(double[] a, int lo, int mid, int hi) {
        if (a[mid] < a[lo]) {
            swap(a, mid, lo);
        }
        if (a[hi] < a[lo]) {
            swap(a, hi, lo);
        }
        if (a[hi] < a[mid]) {
            swap(a, hi, mid);
        }
        return a[mid];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static double between(double lower, double upper, double fraction) {
        double span = upper - lower;
        // the convex form cannot overflow where the span of two huge values would
        double q = Double.isFinite(span) ? lower + fraction * span : lower * (1 - fraction) + upper * fraction;
        return Math.min(Math.max(q, lower), upper);
    }

    private static void checkArguments(int n, double p) {
        if (n < 1) {
            throw new IllegalArgumentException("quantile sample size must be >= 1, got " + n);
        }
        Require.between("quantile probability p", p, 0, 1);
    }
}
