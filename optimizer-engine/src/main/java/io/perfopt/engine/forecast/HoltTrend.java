package io.perfopt.engine.forecast;

import io.perfopt.api.Require;

/**
 * Holt's linear trend (double exponential smoothing) of one series of evenly spaced observations:
 *
 * <pre>
 *   level(t) = alpha * y(t) + (1 - alpha) * (level(t-1) + trend(t-1))
 *   trend(t) = beta * (level(t) - level(t-1)) + (1 - beta) * trend(t-1)
 *   forecast(h) = level + h * trend                        h in observation steps
 * </pre>
 *
 * The first observation initialises the level (trend 0); the second sets the level to itself and
 * the trend to the difference of the two, so that a clean ramp is followed from the start rather
 * than learnt slowly from zero. Not thread-safe.
 */
public final class HoltTrend {

    private final double alpha;
    private final double beta;
    private double level;
    private double trend;
    private int observations;

    public HoltTrend(double alpha, double beta) {
        ForecastConfig.requireSmoothing("Holt alpha", alpha);
        ForecastConfig.requireSmoothing("Holt beta", beta);
        this.alpha = alpha;
        this.beta = beta;
    }

    public void observe(double value) {
        Require.finite("Holt observation", value);
        if (observations == 0) {
            level = value;
        } else if (observations == 1) {
            trend = value - level;
            level = value;
        } else {
            double previous = level;
            level = alpha * value + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
        }
        observations++;
    }

    /** The value expected {@code steps} observations ahead. */
    public double forecast(double steps) {
        if (observations == 0) {
            throw new IllegalStateException("a Holt trend forecasts only after its first observation");
        }
        return level + steps * trend;
    }

    public double level() {
        return level;
    }

    /** The change per observation step; 0 before the second observation. */
    public double trend() {
        return trend;
    }

    public int observations() {
        return observations;
    }
}
