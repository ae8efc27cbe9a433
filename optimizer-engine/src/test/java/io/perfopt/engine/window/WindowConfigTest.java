package io.perfopt.engine.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowConfigTest {

    @Test
    void defaultsKeepTenMinutesOfAtMostTenThousandSamples() {
        assertThat(WindowConfig.defaults()).isEqualTo(new WindowConfig(Duration.ofMinutes(10), 10_000));
    }

    @Test
    void rejectsAnEmptySpanAndAWindowOfNoSamplesNamingTheField() {
        assertThatThrownBy(() -> WindowConfig.defaults().withMaxAge(Duration.ZERO))
                .hasMessage("window maxAge must be positive, got PT0S");
        assertThatThrownBy(() -> WindowConfig.defaults().withMaxSamples(0))
                .hasMessage("window maxSamples must be >= 1, got 0");
    }
}
