package io.perfopt.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HoltTrendTest {

    private final HoltTrend holt = new HoltTrend(0.5, 0.3);

    @Test
    void followsAHandComputedSeries() {
        holt.observe(10);
        assertThat(holt.level()).isEqualTo(10);
        assertThat(holt.trend()).isZero();

        holt.observe(12); // level 12, trend 12 - 10 = 2
        assertThat(holt.level()).isEqualTo(12);
        assertThat(holt.trend()).isEqualTo(2);

        holt.observe(13); // level .5*13 + .5*(12 + 2) = 13.5; trend .3*(13.5 - 12) + .7*2 = 1.85
        assertThat(holt.level()).isCloseTo(13.5, within(1e-12));
        assertThat(holt.trend()).isCloseTo(1.85, within(1e-12));

        holt.observe(15); // level .5*15 + .5*(13.5 + 1.85) = 15.175; trend .3*1.675 + .7*1.85 = 1.7975
        assertThat(holt.level()).isCloseTo(15.175, within(1e-12));
        assertThat(holt.trend()).isCloseTo(1.7975, within(1e-12));
        assertThat(holt.forecast(2)).isCloseTo(18.77, within(1e-12));
        assertThat(holt.observations()).isEqualTo(4);
    }

    @Test
    void followsACleanRampExactlyFromTheSecondObservation() {
        for (int i = 0; i < 10; i++) {
            holt.observe(100 + 5 * i);
        }

        assertThat(holt.level()).isEqualTo(145);
        assertThat(holt.trend()).isEqualTo(5);
        assertThat(holt.forecast(4)).isEqualTo(165);
    }

    @Test
    void refusesToForecastBeforeItsFirstObservation() {
        assertThatThrownBy(() -> holt.forecast(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsSmoothingOutsideZeroToOneAndObservationsThatAreNotNumbers() {
        assertThatThrownBy(() -> new HoltTrend(0, 0.3)).hasMessage("Holt alpha must be within (0, 1], got 0.0");
        assertThatThrownBy(() -> new HoltTrend(0.5, 1.5)).hasMessage("Holt beta must be within (0, 1], got 1.5");
        assertThatThrownBy(() -> holt.observe(Double.POSITIVE_INFINITY))
                .hasMessage("Holt observation must be a finite number, got Infinity");
    }
}
