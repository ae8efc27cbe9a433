package io.perfopt.engine.detect;

import static io.perfopt.api.optimization.Severity.CRITICAL;
import static io.perfopt.api.optimization.Severity.HIGH;
import static io.perfopt.api.optimization.Severity.MEDIUM;
import static io.perfopt.engine.detect.ThresholdRule.COORDINATION;
import static io.perfopt.engine.detect.ThresholdRule.RESPONSE_TIME;
import static io.perfopt.engine.detect.ThresholdRule.SUCCESS_RATE;
import static io.perfopt.engine.detect.ThresholdRule.SYSTEM_SCORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    private static final double EXACT = 1e-9;
    private final Thresholds seed = Thresholds.defaults();

    @Test
    void aSlowResponseIsHighWithImpactInPercentOverTheThreshold() {
        assertThat(RESPONSE_TIME.breached(2800, seed)).isTrue();
        assertThat(RESPONSE_TIME.breached(2000, seed)).isFalse();
        assertThat(RESPONSE_TIME.severity(2800, seed)).isEqualTo(HIGH);
        assertThat(RESPONSE_TIME.impact(2800, seed)).isCloseTo(40, within(EXACT));
    }

    @Test
    void aLowSuccessRateIsMediumAndBelowTheCriticalLevelCritical() {
        assertThat(SUCCESS_RATE.severity(0.62, seed)).isEqualTo(MEDIUM);
        assertThat(SUCCESS_RATE.impact(0.62, seed)).isCloseTo(8, within(EXACT));
        assertThat(SUCCESS_RATE.severity(0.50, seed)).isEqualTo(MEDIUM);
        assertThat(SUCCESS_RATE.severity(0.45, seed)).isEqualTo(CRITICAL);
        assertThat(SUCCESS_RATE.impact(0.45, seed)).isCloseTo(25, within(EXACT));
    }

    @Test
    void poorCoordinationIsMediumWithHalfWeightImpact() {
        assertThat(COORDINATION.breached(0.54, seed)).isTrue();
        assertThat(COORDINATION.severity(0.54, seed)).isEqualTo(MEDIUM);
        assertThat(COORDINATION.impact(0.54, seed)).isCloseTo(3, within(EXACT));
    }

    @Test
    void aLowSystemScoreIsHighAndBelowTheCriticalLevelCritical() {
        assertThat(SYSTEM_SCORE.severity(0.68, seed)).isEqualTo(HIGH);
        assertThat(SYSTEM_SCORE.impact(0.68, seed)).isCloseTo(7, within(EXACT));
        assertThat(SYSTEM_SCORE.severity(0.55, seed)).isEqualTo(CRITICAL);
        assertThat(SYSTEM_SCORE.impact(0.55, seed)).isCloseTo(20, within(EXACT));
    }

    @Test
    void impactIsNeverNegativeOnTheGoodSideOfTheThreshold() {
        assertThat(RESPONSE_TIME.impact(1500, seed)).isZero();
        assertThat(SUCCESS_RATE.impact(0.9, seed)).isZero();
    }

    @Test
    void theClearLevelIsARelativeBandForLatencyAndAShareOfTheHeadroomForRatios() {
        assertThat(RESPONSE_TIME.clearLevel(seed, 0.10)).isCloseTo(1800, within(EXACT));
        assertThat(SUCCESS_RATE.clearLevel(seed, 0.10)).isCloseTo(0.73, within(EXACT));
        assertThat(COORDINATION.clearLevel(seed, 0.10)).isCloseTo(0.64, within(EXACT));
        assertThat(SUCCESS_RATE.clearLevel(seed.with(java.util.Map.of("successRate", 0.99)), 0.5))
                .as("stays reachable below 1").isCloseTo(0.995, within(EXACT));

        assertThat(RESPONSE_TIME.recovered(1900, seed, 0.10)).isFalse();
        assertThat(RESPONSE_TIME.recovered(1800, seed, 0.10)).isTrue();
        assertThat(SUCCESS_RATE.recovered(0.72, seed, 0.10)).isFalse();
        assertThat(SUCCESS_RATE.recovered(0.74, seed, 0.10)).isTrue();
    }

    @Test
    void printsValuesAndRatesTheWaySentencesNeedThem() {
        assertThat(RESPONSE_TIME.label("p95")).isEqualTo("p95 response time");
        assertThat(RESPONSE_TIME.format(2800.4)).isEqualTo("2800 ms");
        assertThat(SUCCESS_RATE.format(0.621)).isEqualTo("0.62");
        assertThat(RESPONSE_TIME.formatPerSecond(12.345)).isEqualTo("12.3 ms/s");
        assertThat(COORDINATION.formatPerSecond(-0.0012)).isEqualTo("0.00120/s");
    }
}
