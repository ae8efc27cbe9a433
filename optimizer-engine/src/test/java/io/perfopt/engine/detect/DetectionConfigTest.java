package io.perfopt.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectionConfigTest {

    private final DetectionConfig defaults = DetectionConfig.defaults();

    @Test
    void defaultsRaiseAndClearAfterTwoEvaluationsWithATenPercentBand() {
        assertThat(defaults).isEqualTo(new DetectionConfig(2, 2, 0.10, "p95", 3));
    }

    @Test
    void rejectsInvalidValuesNamingTheField() {
        assertThatThrownBy(() -> defaults.withRaiseAfter(0))
                .hasMessage("detection raiseAfter must be >= 1 evaluation, got 0");
        assertThatThrownBy(() -> defaults.withClearAfter(-1))
                .hasMessage("detection clearAfter must be >= 1 evaluation, got -1");
        assertThatThrownBy(() -> defaults.withHysteresis(1.0))
                .hasMessage("detection hysteresis must be within [0, 1), got 1.0");
        assertThatThrownBy(() -> defaults.withHysteresis(Double.NaN))
                .hasMessage("detection hysteresis must be a finite number, got NaN");
        assertThatThrownBy(() -> defaults.withLatencyStatistic("p90"))
                .hasMessage("detection latencyStatistic must be one of mean, p50, p95, p99, got \"p90\"");
        assertThatThrownBy(() -> defaults.withMinSamples(0))
                .hasMessage("detection minSamples must be >= 1, got 0");
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        DetectionConfig edges = new DetectionConfig(1, 1, 0.0, "mean", 1);

        assertThat(edges.withHysteresis(0.99).hysteresis()).isEqualTo(0.99);
    }
}
