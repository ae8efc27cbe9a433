package io.perfopt.integration.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * Estimates a quantile from cumulative histogram buckets the way PromQL's
 * {@code histogram_quantile} does:
 *
 * <pre>
 *   rank   = q × count(+Inf bucket)
 *   b      = the first bucket whose cumulative count ≥ rank
 *   result = lower(b) + (upper(b) − lower(b)) × (rank − cumulative(b−1)) / (cumulative(b) − cumulative(b−1))
 * </pre>
 *
 * that is, observations are assumed spread evenly within their bucket. The lower bound of the
 * first bucket is 0 (unless its upper bound is ≤ 0, which is then the answer); a rank falling
 * into the +Inf bucket yields the largest finite upper bound, since nothing better is known.
 */
final class BucketQuantile {

    private BucketQuantile() {
    }

    /**
     * The quantile {@code q} (0..1) of buckets given as upper bound → cumulative count. NaN when
     * the buckets hold no observation; throws when the +Inf bucket is missing or there are
     * fewer than two buckets, since then no estimate is meaningful.
     */
    static double estimate(double q, Map<Double, Double> cumulativeByUpperBound) {
        TreeMap<Double, Double> buckets = new TreeMap<>(cumulativeByUpperBound);
        if (buckets.isEmpty() || buckets.lastKey() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the histogram has no +Inf bucket");
        }
        if (buckets.size() < 2) {
            throw new IllegalArgumentException("the histogram has only the +Inf bucket");
        }
        double[] upper = new double[buckets.size()];
        double[] count = new double[buckets.size()];
        int i = 0;
        double runningMax = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            upper[i] = bucket.getKey();
            // Cumulative counts scraped at slightly different moments can dip; Prometheus evens them out the same way.
            runningMax = Math.max(runningMax, bucket.getValue());
            count[i++] = runningMax;
        }
        int last = upper.length - 1;
        double observations = count[last];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < last && count[b] < rank) {
            b++;
        }
        if (b == last) {
            return upper[last - 1];
        }
        if (b == 0 && upper[0] <= 0) {
            return upper[0];
        }
        double lower = b == 0 ? 0 : upper[b - 1];
        double below = b == 0 ? 0 : count[b - 1];
        return lower + (upper[b] - lower) * ((rank - below) / (count[b] - below));
    }
}
