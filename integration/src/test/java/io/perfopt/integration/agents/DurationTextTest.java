package io.perfopt.integration.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsAWholeNumberWithAUnitOrIso8601() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationText.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesANumberWithoutUnitAndUnknownUnits() {
        assertThatThrownBy(() -> DurationText.parse("5")).hasMessageStartingWith("not a duration \"5\"");
        assertThatThrownBy(() -> DurationText.parse("5d")).hasMessageStartingWith("not a duration \"5d\"");
        assertThatThrownBy(() -> DurationText.parse("1.5s")).hasMessageStartingWith("not a duration \"1.5s\"");
        assertThatThrownBy(() -> DurationText.parse("PTxS")).hasMessageStartingWith("not a duration \"PTxS\"");
    }

    @Test
    void writesDurationsTheWayItReadsThem() {
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(DurationText.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(DurationText.format(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(DurationText.parse(DurationText.format(Duration.ofSeconds(90)))).isEqualTo(Duration.ofSeconds(90));
    }
}
