package io.perfopt.engine.judge;

import io.perfopt.api.metric.Goal;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.ShiftEstimate;

/**
 * The before/after comparison of one metric.
 *
 * @param metric      the metric compared
 * @param goal        which way it improves
 * @param before      summary of the samples before
 * @param after       summary of the samples after
 * @param pValue      two-sided Mann–Whitney U p-value
 * @param shift       Hodges–Lehmann shift after − before, with its interval
 * @param improvement the shift relative to the median before, percent, signed so that positive is better
 */
public record Comparison(String metric, Goal goal, MetricSummary before, MetricSummary after, double pValue,
                         ShiftEstimate shift, double improvement) {

    /** Whether the shift is significant at {@code alpha} and its interval excludes zero. */
    public boolean significant(double alpha) {
        return pValue < alpha && shift.excludesZero();
    }
}
