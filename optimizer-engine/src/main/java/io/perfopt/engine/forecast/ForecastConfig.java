package io.perfopt.engine.forecast;

import io.perfopt.api.Require;
import java.time.Duration;

/**
 * Trend forecasting settings.
 *
 * @param alpha           Holt level smoothing, (0, 1]: higher follows the latest value more closely (0.5)
 * @param beta            Holt trend smoothing, (0, 1]: higher follows the latest change more closely (0.3)
 * @param minObservations evaluations of a metric before its forecast is trusted, at least 2 (5)
 * @param horizon         how far ahead a breach is looked for (10 minutes)
 */
public record ForecastConfig(double alpha, double beta, int minObservations, Duration horizon) {

    public ForecastConfig {
        requireSmoothing("forecast alpha", alpha);
        requireSmoothing("forecast beta", beta);
        if (minObservations < 2) {
            throw new IllegalArgumentException("forecast minObservations must be >= 2, got " + minObservations);
        }
        Require.notNull("forecast horizon", horizon);
        if (horizon.isZero() || horizon.isNegative()) {
            throw new IllegalArgumentException("forecast horizon must be positive, got " + horizon);
        }
    }

    public static ForecastConfig defaults() {
        return new ForecastConfig(0.5, 0.3, 5, Duration.ofMinutes(10));
    }

    public ForecastConfig withAlpha(double value) {
        return new ForecastConfig(value, beta, minObservations, horizon);
    }

    public ForecastConfig withBeta(double value) {
        return new ForecastConfig(alpha, value, minObservations, horizon);
    }

    public ForecastConfig withMinObservations(int value) {
        return new ForecastConfig(alpha, beta, value, horizon);
    }

    public ForecastConfig withHorizon(Duration value) {
        return new ForecastConfig(alpha, beta, minObservations, value);
    }

    /** The horizon in seconds, with its fraction. */
    public double horizonSeconds() {
        return horizon.getSeconds() + horizon.getNano() / 1e9;
    }

    static void requireSmoothing(String field, double value) {
        Require.finite(field, value);
        if (value <= 0 || value > 1) {
            throw new IllegalArgumentException(field + " must be within (0, 1], got " + value);
        }
    }
}
