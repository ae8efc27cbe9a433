package io.perfopt.api.optimization;

import io.perfopt.api.Require;

/**
 * The Hodges–Lehmann estimate of the shift between the after and the before samples (the
 * median of all pairwise differences after − before), with its confidence interval.
 *
 * @param shift      the estimated shift, in the metric's unit
 * @param lower      lower bound of the confidence interval
 * @param upper      upper bound of the confidence interval
 * @param confidence the interval's confidence level, e.g. 0.95
 */
public record ShiftEstimate(double shift, double lower, double upper, double confidence) {

    public ShiftEstimate {
        Require.finite("shift", shift);
        Require.finite("shift lower bound", lower);
        Require.finite("shift upper bound", upper);
        if (lower > upper) {
            throw new IllegalArgumentException("shift interval lower " + lower + " exceeds upper " + upper);
        }
        Require.between("confidence", confidence, 0, 1);
    }

    /** Whether the interval excludes zero. */
    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }
}
