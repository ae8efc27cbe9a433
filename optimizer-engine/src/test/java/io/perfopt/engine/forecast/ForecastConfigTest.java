package io.perfopt.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForecastConfigTest {

    private final ForecastConfig defaults = ForecastConfig.defaults();

    @Test
    void defaultsLookTenMinutesAheadAfterFiveObservations() {
        assertThat(defaults).isEqualTo(new ForecastConfig(0.5, 0.3, 5, Duration.ofMinutes(10)));
        assertThat(defaults.horizonSeconds()).isEqualTo(600);
    }

    @Test
    void rejectsInvalidValuesNamingTheField() {
        assertThatThrownBy(() -> defaults.withAlpha(0)).hasMessage("forecast alpha must be within (0, 1], got 0.0");
        assertThatThrownBy(() -> defaults.withBeta(1.01)).hasMessage("forecast beta must be within (0, 1], got 1.01");
        assertThatThrownBy(() -> defaults.withMinObservations(1))
                .hasMessage("forecast minObservations must be >= 2, got 1");
        assertThatThrownBy(() -> defaults.withHorizon(Duration.ZERO))
                .hasMessage("forecast horizon must be positive, got PT0S");
        assertThatThrownBy(() -> defaults.withHorizon(null)).hasMessage("forecast horizon must not be null");
    }

    @Test
    void acceptsSmoothingOfExactlyOne() {
        assertThat(defaults.withAlpha(1).withBeta(1).alpha()).isEqualTo(1);
    }
}
