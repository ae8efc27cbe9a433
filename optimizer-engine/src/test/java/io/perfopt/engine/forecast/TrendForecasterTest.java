package io.perfopt.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Severity;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.detect.ThresholdPolicy;
import io.perfopt.engine.window.MetricsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendForecasterTest {

    private static final String AGENT = "market-hunter";

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private final ThresholdPolicy policy = ThresholdPolicy.defaults();
    private final TrendForecaster forecaster = new TrendForecaster(ForecastConfig.defaults(), policy, "p95");

    @Test
    void aCleanlyRisingLatencyIsForecastToBreachBeforeItDoes() {
        // +60 ms per 30 s evaluation (2 ms/s) from 1000 ms: crosses 2000 ms after 500 s
        List<List<Bottleneck>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(observe(Duration.ofSeconds(30), latency(1000 + 60 * i)));
        }

        assertThat(results.subList(0, 4)).as("fewer than minObservations").allSatisfy(r -> assertThat(r).isEmpty());
        Bottleneck rising = results.get(4).get(0);
        assertThat(rising.type()).isEqualTo(BottleneckType.RESPONSE_TIME);
        assertThat(rising.origin()).isEqualTo(Origin.PROACTIVE);
        assertThat(rising.component()).isEqualTo(AGENT);
        assertThat(rising.metric()).isEqualTo("responseTimeMs");
        assertThat(rising.detectedAt()).isEqualTo(clock.instant());
        // at 1240 ms, 760 ms below the threshold at 2 ms/s: 380 s, beyond a third of the 600 s horizon
        assertThat(rising.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rising.description()).isEqualTo(
                "p95 response time 1240 ms rising 2 ms/s, forecast to exceed 2000 ms in 380 s");
        assertThat(rising.evidence()).containsEntry("current", 1240.0).containsEntry("threshold", 2000.0)
                .containsEntry("trendPerSecond", 2.0).containsEntry("secondsToBreach", 380.0)
                .containsEntry("forecast", 2440.0);
        // the reactive formula at the value forecast for the end of the horizon: (2440 - 2000) / 2000 * 100
        assertThat(rising.impact()).isCloseTo(22, within(1e-9));
    }

    @Test
    void aBreachForecastWithinAThirdOfTheHorizonIsHighAndKeepsItsDetectionTime() {
        Instant firstForecast = null;
        Bottleneck latest = null;
        for (int i = 0; i < 12; i++) { // ends at 1660 ms: 340 ms to go at 2 ms/s = 170 s
            List<Bottleneck> result = observe(Duration.ofSeconds(30), latency(1000 + 60 * i));
            if (!result.isEmpty() && firstForecast == null) {
                firstForecast = clock.instant();
            }
            latest = result.isEmpty() ? null : result.get(0);
        }

        assertThat(latest).isNotNull();
        assertThat(latest.severity()).isEqualTo(Severity.HIGH);
        assertThat(latest.evidence().get("secondsToBreach")).isCloseTo(170, within(1e-9));
        assertThat(latest.detectedAt()).isEqualTo(firstForecast).isBefore(clock.instant());
    }

    @Test
    void aMetricAlreadyPastItsThresholdIsLeftToTheReactiveDetector() {
        List<Bottleneck> last = List.of();
        for (int i = 0; i < 25; i++) { // reaches 2440 ms
            last = observe(Duration.ofSeconds(30), latency(1000 + 60 * i));
        }

        assertThat(last).isEmpty();
    }

    @Test
    void aTrendAwayFromTheThresholdForecastsNothing() {
        for (int i = 0; i < 30; i++) {
            assertThat(observe(Duration.ofSeconds(30), latency(1900 - 50 * i),
                    ratio("successRate", 0.75 + 0.005 * i))).isEmpty();
        }
    }

    @Test
    void aFallingCoordinationScoreIsForecastAsACoordinationBottleneck() {
        // -0.01 per minute from 0.90: forecast to drop below 0.60 within 10 minutes once at 0.70 or lower
        List<Bottleneck> first = List.of();
        int at = -1;
        for (int i = 0; i < 25 && first.isEmpty(); i++) {
            first = observe(Duration.ofMinutes(1), ratio("coordinationScore", 0.90 - 0.01 * i));
            at = i;
        }

        assertThat(at).isBetween(20, 21);
        Bottleneck falling = first.get(0);
        assertThat(falling.type()).isEqualTo(BottleneckType.COORDINATION);
        assertThat(falling.origin()).isEqualTo(Origin.PROACTIVE);
        assertThat(falling.suggestedFix()).startsWith("coordination enhancement");
        assertThat(falling.evidence().get("trendPerSecond")).isCloseTo(-0.01 / 60, within(1e-9));
        assertThat(falling.evidence().get("secondsToBreach")).isBetween(540.0, 600.0);
        assertThat(falling.description()).matches(
                "coordination score 0\\.[67]\\d falling 0\\.000167/s, forecast to drop below 0\\.60 in \\d+ s");
        // (0.60 - forecast at the horizon, 0.10 below the current value) * 50
        assertThat(falling.impact()).isCloseTo((0.60 - (0.90 - 0.01 * at - 0.10)) * 50, within(1e-6));
    }

    @Test
    void aNoisyRisingLatencyIsForecastBeforeItBreaches() {
        Random noise = new Random(42);
        Bottleneck first = null;
        double valueAtFirst = 0;
        int step = 0;
        for (; step < 40 && first == null; step++) {
            double value = 1000 + 60 * step + noise.nextGaussian() * 40;
            List<Bottleneck> result = observe(Duration.ofSeconds(30), latency(value));
            if (!result.isEmpty()) {
                first = result.get(0);
                valueAtFirst = value;
            }
        }

        assertThat(first).as("forecast before the breach").isNotNull();
        assertThat(valueAtFirst).isLessThan(2000);
        assertThat(first.evidence().get("trendPerSecond")).isCloseTo(2.0, within(1.0));
    }

    @Test
    void aNoisyFlatSeriesForecastsNothing() {
        Random noise = new Random(7);
        for (int i = 0; i < 500; i++) {
            List<Bottleneck> result = observe(Duration.ofSeconds(30),
                    latency(1850 + noise.nextGaussian() * 40), // close below 2000 ms
                    ratio("successRate", 0.76 + noise.nextGaussian() * 0.02),
                    ratio("coordinationScore", 0.66 + noise.nextGaussian() * 0.02));

            assertThat(result).as("evaluation %d", i).isEmpty();
        }
    }

    @Test
    void anAgentsThresholdOverrideMovesItsForecast() {
        policy.override(AGENT, Map.of("responseTimeMs", 1500.0));
        List<Bottleneck> result = List.of();
        for (int i = 0; i < 5; i++) {
            result = observe(Duration.ofSeconds(30), latency(1000 + 60 * i));
        }

        // 260 ms to go at 2 ms/s
        assertThat(result).singleElement().satisfies(b -> {
            assertThat(b.evidence()).containsEntry("threshold", 1500.0).containsEntry("secondsToBreach", 130.0);
            assertThat(b.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void aRepeatedEvaluationAtTheSameInstantIsNotASecondObservation() {
        for (int i = 0; i < 4; i++) {
            observe(Duration.ofSeconds(30), latency(1000 + 60 * i));
        }

        List<Bottleneck> repeated = forecaster.observe(AGENT, metrics(latency(1180)), clock.instant());

        assertThat(repeated).as("still 4 observations").isEmpty();
        assertThat(observe(Duration.ofSeconds(30), latency(1240))).hasSize(1);
    }

    @Test
    void forgettingAnAgentStartsItsSeriesOver() {
        for (int i = 0; i < 5; i++) {
            observe(Duration.ofSeconds(30), latency(1000 + 60 * i));
        }

        forecaster.forget(AGENT);

        assertThat(observe(Duration.ofSeconds(30), latency(1300))).isEmpty();
    }

    private List<Bottleneck> observe(Duration step, MetricSummary... summaries) {
        Instant now = clock.advance(step);
        return forecaster.observe(AGENT, metrics(summaries), now);
    }

    private static AgentMetrics metrics(MetricSummary... summaries) {
        return MetricsSnapshot.of(summaries);
    }

    private static MetricSummary latency(double p95) {
        return new MetricSummary("responseTimeMs", 60, p95 * 0.8, p95 * 0.3, p95 * 0.7, p95, p95 * 1.1, p95 * 1.2);
    }

    private static MetricSummary ratio(String metric, double mean) {
        double clamped = Math.min(1, Math.max(0, mean));
        return new MetricSummary(metric, 60, clamped, clamped, clamped, clamped, clamped, clamped);
    }
}
