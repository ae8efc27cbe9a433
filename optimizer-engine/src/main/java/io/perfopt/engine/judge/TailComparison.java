package io.perfopt.engine.judge;

/**
 * The before/after comparison of a latency's tail: how many samples are slower than the old
 * 95th percentile, before (about 5 % by construction) and after.
 *
 * @param level       the old p95, the line samples are counted above
 * @param beforeShare share of the before samples above the line
 * @param afterShare  share of the after samples above the line
 * @param pValue      two-sided two-proportion z-test of the shares
 * @param p95Before   p95 before
 * @param p95After    p95 after
 * @param improvement the relative change of the p95, percent, positive when the tail got faster
 */
public record TailComparison(double level, double beforeShare, double afterShare, double pValue, double p95Before,
                             double p95After, double improvement) {
}
