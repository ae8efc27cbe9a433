package io.perfopt.engine.judge;

import io.perfopt.api.optimization.ShiftEstimate;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Hodges–Lehmann shift between two samples with its distribution-free confidence interval.
 *
 * <pre>
 *   Dₖ     = the n·m pairwise differences after_j − before_i, sorted
 *   shift  = median(D)
 *   C      = ⌊ n·m/2 − z₁₋α/₂ · √(n·m·(n+m+1)/12) ⌋      (normal approximation of the U distribution)
 *   CI     = [ D_C , D_(n·m+1−C) ]                        (1-based, C at least 1)
 * </pre>
 *
 * Samples beyond {@link #MAX_SIDE} are thinned by a regular stride, keeping the pair count
 * (and the sort) bounded; the Mann–Whitney test itself still sees every sample.
 */
public final class HodgesLehmann {

    /** Most samples per side used for the pairwise differences. */
    static final int MAX_SIDE = 400;

    private HodgesLehmann() {
    }

    /** The shift of {@code after} relative to {@code before}; both need at least one sample. */
    public static ShiftEstimate estimate(double[] before, double[] after, double confidence) {
        double[] x = thin(before);
        double[] y = thin(after);
        int n = x.length;
        int m = y.length;
        double[] differences = new double[n * m];
        int k = 0;
        for (double a : y) {
            for (double b : x) {
                differences[k++] = a - b;
            }
        }
        Arrays.sort(differences);
        double shift = median(differences);
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double c = Math.floor(n * (double) m / 2 - z * Math.sqrt(n * (double) m * (n + m + 1) / 12.0));
        int lowerRank = (int) Math.max(1, c);
        int upperRank = Math.max(lowerRank, n * m + 1 - lowerRank);
        return new ShiftEstimate(shift, differences[lowerRank - 1], differences[upperRank - 1], confidence);
    }

    /** The median of a sorted array. */
    static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double[] thin(double[] values) {
        if (values.length <= MAX_SIDE) {
            return values;
        }
        double[] kept = new double[MAX_SIDE];
        double stride = values.length / (double) MAX_SIDE;
        for (int i = 0; i < MAX_SIDE; i++) {
            kept[i] = values[(int) (i * stride)];
        }
        return kept;
    }
}
