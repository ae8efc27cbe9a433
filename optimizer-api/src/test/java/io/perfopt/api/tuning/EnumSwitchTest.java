package io.perfopt.api.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumSwitchTest {

    private final FakeContext analyzer = FakeContext.agent("an-1", "market-analyzer")
            .knobs(Knob.ofEnum("sentiment.model", List.of("fast", "balanced", "accurate"), "accurate", "model"));

    @Test
    void stepsOneValueTowardTheWantedOne() {
        Move move = EnumSwitch.stepToward(analyzer.build(), "sentiment.model", "fast").orElseThrow();

        assertThat(move.describe()).isEqualTo("switch sentiment.model accurate→balanced");
    }

    @Test
    void switchesStraightToTheWantedOne() {
        Move move = EnumSwitch.to(analyzer.build(), "sentiment.model", "fast").orElseThrow();

        assertThat(move.target()).isEqualTo(0);
        assertThat(move.label()).isEqualTo("to-fast");
    }

    @Test
    void proposesNothingWhenAlreadyThereOrWhenTheSwitchWasJustRolledBack() {
        assertThat(EnumSwitch.to(analyzer.build(), "sentiment.model", "accurate")).isEmpty();
        assertThat(EnumSwitch.to(analyzer.build(), "sentiment.model", "turbo")).isEmpty();

        analyzer.tried("sentiment.model", 0, Verdict.DEGRADED, -15);

        assertThat(EnumSwitch.to(analyzer.build(), "sentiment.model", "fast")).isEmpty();
    }
}
