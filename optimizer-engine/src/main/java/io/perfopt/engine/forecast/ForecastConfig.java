package io.perfopt.engine.forecast;

import java.time.Duration;

/**
 * Trend forecasting settings.
 *
 * @param alpha           Holt level smoothing, 0..1 (0.5)
 * @param beta            Holt trend smoothing, 0..1 (0.3)
 * @param minObservations evaluations before a forecast is trusted (5)
 * @param horizon         how far ahead a breach is looked for (10 minutes)
 */
public record ForecastConfig(double alpha, double beta, int minObservations, Duration horizon) {

    public ForecastConfig {
        // SKELETON: validate
    }

    public static ForecastConfig defaults() {
        return new ForecastConfig(0.5, 0.3, 5, Duration.ofMinutes(10));
    }
}
