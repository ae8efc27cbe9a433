package io.perfopt.engine.forecast;

import io.perfopt.engine.detect.ThresholdRule;
import io.perfopt.engine.detect.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One watched metric of one agent over successive evaluations: its Holt trend, its recent
 * least-squares slope and observation times, and since when it has been forecast to breach.
 * Not thread-safe: the forecaster locks per agent.
 */
final class Series {

    private final HoltTrend holt;
    private final RecentSlope recent = new RecentSlope();
    private Instant origin;
    private Instant last;
    private double current;
    private Instant forecastingSince;

    Series(ForecastConfig config) {
        this.holt = new HoltTrend(config.alpha(), config.beta());
    }

    /** Feeds one evaluation's value; false (and ignored) when {@code at} is not after the last one. */
    boolean observe(Instant at, double value) {
        if (last != null && !at.isAfter(last)) {
            return false;
        }
        if (origin == null) {
            origin = at;
        }
        holt.observe(value);
        recent.add(seconds(Duration.between(origin, at)), value);
        last = at;
        current = value;
        return true;
    }

    /**
     * The breach forecast within the horizon, if there is one: the metric is still inside its
     * threshold, enough observations were made, the trend points toward the threshold and stands
     * out of the noise, and the forecast line crosses the threshold within the horizon.
     */
    Optional<BreachForecast> forecastBreach(ThresholdRule rule, Thresholds thresholds, ForecastConfig config) {
        if (holt.observations() < Math.max(config.minObservations(), 3) || rule.breached(current, thresholds)) {
            return Optional.empty(); // too early to trust, or already the reactive detector's business
        }
        double trend = holt.trend();
        boolean worsening = rule.higherIsWorse() ? trend > 0 : trend < 0;
        double t = recent.tStatistic();
        boolean significant = recent.significant() && Math.signum(t) == Math.signum(trend);
        if (!worsening || !significant) {
            return Optional.empty();
        }
        double interval = recent.meanIntervalSeconds();
        double threshold = rule.threshold(thresholds);
        // the smoothed level may already be past the threshold while the last value is not: breach now
        double stepsToBreach = Math.max(0, (threshold - holt.level()) / trend);
        double horizonSteps = config.horizonSeconds() / interval;
        if (stepsToBreach > horizonSteps) {
            return Optional.empty();
        }
        double atHorizon = clampToRange(rule, holt.forecast(horizonSteps));
        return Optional.of(new BreachForecast(current, atHorizon, threshold, trend / interval,
                stepsToBreach * interval, t, holt.observations()));
    }

    /** Marks the series as forecast to breach from {@code now} on, unless it already was; returns since when. */
    Instant startForecasting(Instant now) {
        if (forecastingSince == null) {
            forecastingSince = now;
        }
        return forecastingSince;
    }

    /** Since when consecutive evaluations have forecast a breach; empty when the last one did not. */
    Optional<Instant> forecastingSince() {
        return Optional.ofNullable(forecastingSince);
    }

    void stopForecasting() {
        forecastingSince = null;
    }

    private static double clampToRange(ThresholdRule rule, double value) {
        // a straight line leaves the metric's range eventually; the metric cannot
        return rule == ThresholdRule.RESPONSE_TIME ? Math.max(0, value) : Math.min(1, Math.max(0, value));
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /**
     * A forecast breach.
     *
     * @param current         the value of this evaluation
     * @param atHorizon       the value forecast at the end of the horizon, within the metric's range
     * @param threshold       the threshold it is forecast to cross
     * @param trendPerSecond  Holt's trend converted to change per second
     * @param secondsToBreach when the forecast line crosses the threshold, from now
     * @param tStatistic      how far the recent slope stands out of the noise
     * @param observations    evaluations observed so far
     */
    record BreachForecast(double current, double atHorizon, double threshold, double trendPerSecond,
                          double secondsToBreach, double tStatistic, int observations) {
    }
}
