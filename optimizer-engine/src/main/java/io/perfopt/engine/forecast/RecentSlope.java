package io.perfopt.engine.forecast;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The least-squares slope of the last {@value #CAPACITY} observations of a series against their
 * times, and how far it stands out of the noise:
 *
 * <pre>
 *   slope = Sxy / Sxx
 *   t     = slope / sqrt(residual sum of squares / (n - 2) / Sxx)
 * </pre>
 *
 * Holt's trend says where a series is heading; this says whether it is heading anywhere at all.
 * On a flat noisy series Holt's trend wanders with the noise and would now and then forecast a
 * breach. The slope counts as a trend only when a one-sided Student t-test with n - 2 degrees of
 * freedom rejects "no slope" at {@value #SIGNIFICANCE}. The level is strict because the test runs
 * on every evaluation of every metric of every agent: at 0.001, a flat series whose noise reaches
 * three standard deviations from its threshold was forecast to breach in about half of 300
 * seeded runs of 500 evaluations; at 1e-5, in one. A real trend still shows within a few more
 * evaluations (a ramp rising 1.5 noise standard deviations per evaluation is forecast after
 * about 8). Also gives the mean interval between the observations, which turns Holt's steps
 * into seconds. Not thread-safe.
 */
final class RecentSlope {

    static final int CAPACITY = 20;
    static final double SIGNIFICANCE = 1e-5;

    /** The one-sided critical t by degrees of freedom (the index), computed once. */
    private static final double[] CRITICAL_T = criticalValues();

    private final double[] seconds = new double[CAPACITY];
    private final double[] values = new double[CAPACITY];
    private int next;
    private int size;

    void add(double atSeconds, double value) {
        seconds[next] = atSeconds;
        values[next] = value;
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    int size() {
        return size;
    }

    /** Mean seconds between consecutive observations; needs two. */
    double meanIntervalSeconds() {
        double oldest = Double.POSITIVE_INFINITY;
        double newest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            oldest = Math.min(oldest, seconds[i]);
            newest = Math.max(newest, seconds[i]);
        }
        return (newest - oldest) / (size - 1);
    }

    /** The least-squares slope per second; needs two observations. */
    double slope() {
        return fit()[0];
    }

    /**
     * The slope's t-statistic: 0 for a flat series, infinite for a perfect line, and below about
     * 3 in magnitude for a series that is noise around a level. Needs three observations.
     */
    double tStatistic() {
        double[] fit = fit();
        double slope = fit[0];
        double sxx = fit[1];
        double residualSquares = fit[2];
        if (slope == 0) {
            return 0;
        }
        if (residualSquares == 0) {
            return Math.copySign(Double.POSITIVE_INFINITY, slope);
        }
        double standardError = Math.sqrt(residualSquares / (size - 2) / sxx);
        return slope / standardError;
    }

    /** Whether the slope stands out of the noise (see the class comment); needs three observations. */
    boolean significant() {
        return size >= 3 && Math.abs(tStatistic()) >= CRITICAL_T[size - 2];
    }

    /** {slope, Sxx, residual sum of squares}, with times centred on their mean for accuracy. */
    private double[] fit() {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < size; i++) {
            meanX += seconds[i] / size;
            meanY += values[i] / size;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < size; i++) {
            double dx = seconds[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (values[i] - meanY);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double residualSquares = 0;
        for (int i = 0; i < size; i++) {
            double residual = values[i] - meanY - slope * (seconds[i] - meanX);
            residualSquares += residual * residual;
        }
        return new double[] {slope, sxx, residualSquares};
    }

    private static double[] criticalValues() {
        double[] critical = new double[CAPACITY - 1];
        critical[0] = Double.POSITIVE_INFINITY; // unused: two points always lie on a line
        for (int df = 1; df < critical.length; df++) {
            critical[df] = new TDistribution(df).inverseCumulativeProbability(1 - SIGNIFICANCE);
        }
        return critical;
    }
}
