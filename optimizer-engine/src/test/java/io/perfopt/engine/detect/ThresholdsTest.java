package io.perfopt.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void defaultsAreTheSeedDesignsThresholds() {
        assertThat(Thresholds.defaults()).isEqualTo(new Thresholds(2000, 0.70, 0.50, 0.60, 0.75, 0.60));
    }

    @Test
    void rejectsAResponseTimeThresholdThatIsNotPositive() {
        assertThatThrownBy(() -> new Thresholds(0, 0.7, 0.5, 0.6, 0.75, 0.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold responseTimeMs must be > 0 ms, got 0");
    }

    @Test
    void rejectsRatiosOutsideZeroToOne() {
        assertThatThrownBy(() -> new Thresholds(2000, 1.2, 0.5, 0.6, 0.75, 0.6))
                .hasMessage("threshold successRate must be within 0..1, got 1.2");
        assertThatThrownBy(() -> new Thresholds(2000, 0.7, 0.5, -0.1, 0.75, 0.6))
                .hasMessage("threshold coordinationScore must be within 0..1, got -0.1");
    }

    @Test
    void rejectsACriticalLevelAboveItsNonCriticalOne() {
        assertThatThrownBy(() -> new Thresholds(2000, 0.7, 0.8, 0.6, 0.75, 0.6))
                .hasMessage("threshold successRateCritical must be <= successRate (0.7), got 0.8");
        assertThatThrownBy(() -> new Thresholds(2000, 0.7, 0.5, 0.6, 0.75, 0.9))
                .hasMessage("threshold systemScoreCritical must be <= systemScore (0.75), got 0.9");
    }

    @Test
    void withReplacesOnlyTheNamedComponents() {
        Thresholds changed = Thresholds.defaults().with(Map.of("responseTimeMs", 1500.0, "successRate", 0.8));

        assertThat(changed).isEqualTo(new Thresholds(1500, 0.8, 0.5, 0.6, 0.75, 0.6));
    }

    @Test
    void withRejectsAnUnknownNameListingTheKnownOnes() {
        assertThatThrownBy(() -> Thresholds.defaults().with(Map.of("latency", 100.0)))
                .hasMessage("unknown threshold latency; known thresholds are responseTimeMs, successRate, "
                        + "successRateCritical, coordinationScore, systemScore, systemScoreCritical");
    }

    @Test
    void withRejectsAMissingValueAndValidatesTheResult() {
        Map<String, Double> nullValue = new HashMap<>();
        nullValue.put("successRate", null);

        assertThatThrownBy(() -> Thresholds.defaults().with(nullValue))
                .hasMessage("threshold successRate must not be null");
        assertThatThrownBy(() -> Thresholds.defaults().with(Map.of("successRate", 0.4)))
                .hasMessage("threshold successRateCritical must be <= successRate (0.4), got 0.5");
    }
}
