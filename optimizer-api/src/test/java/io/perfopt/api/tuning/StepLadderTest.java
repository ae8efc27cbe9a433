package io.perfopt.api.tuning;

import static io.perfopt.api.knob.ChangeDirection.DOWN;
import static io.perfopt.api.knob.ChangeDirection.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLadderTest {

    private final Knob cache = Knob.ofInt("cache.size", 0, 20000, 100, "cache");
    private final Knob confidence = Knob.ofDouble("confidence.threshold", 0.3, 0.95, 0.55, "confidence");
    private final Knob retries = Knob.ofInt("retries", 0, 5, 2, "retries");
    private final Knob model = Knob.ofEnum("sentiment.model", List.of("fast", "balanced", "accurate"), "balanced");

    @Test
    void wideIntegerRangesAreSearchedByFactorsAndNarrowOnesBySpan() {
        assertThat(Scale.of(cache)).isEqualTo(Scale.RATIO);
        assertThat(Scale.of(Knob.ofInt("worker.threads", 1, 64, 8))).isEqualTo(Scale.RATIO);
        assertThat(Scale.of(Knob.ofInt("negotiation.rounds", 1, 20, 5))).isEqualTo(Scale.SPAN);
        assertThat(Scale.of(confidence)).isEqualTo(Scale.SPAN);
        assertThat(Scale.of(model)).isEqualTo(Scale.ORDINAL);
    }

    @Test
    void aRatioStepMultipliesOrDividesTheValue() {
        assertThat(StepLadder.move(cache, UP, 2).orElseThrow().target()).isEqualTo(160);
        assertThat(StepLadder.move(cache, UP, 3).orElseThrow().target()).isEqualTo(200);
        assertThat(StepLadder.move(cache, DOWN, 3).orElseThrow().target()).isEqualTo(50);
        assertThat(StepLadder.move(cache, UP, 2).orElseThrow().label()).isEqualTo("x1.6");
    }

    @Test
    void aRatioStepFromZeroStillMoves() {
        Move first = StepLadder.move(cache.withValue(0), UP, 2).orElseThrow();

        assertThat(first.target()).isEqualTo(40);
    }

    @Test
    void aSpanStepAddsAFractionOfTheRangeAndADiscreteKnobMovesAtLeastOne() {
        assertThat(StepLadder.move(confidence, UP, 2).orElseThrow().target()).isEqualTo(0.615);
        assertThat(StepLadder.move(confidence, UP, 2).orElseThrow().label()).isEqualTo("10%");
        assertThat(StepLadder.move(retries, DOWN, 0).orElseThrow().target()).isEqualTo(1);
    }

    @Test
    void anOrdinalStepMovesToTheNeighbouringValue() {
        assertThat(StepLadder.move(model, DOWN, 4).orElseThrow().target()).isEqualTo(0);
        assertThat(StepLadder.move(model, UP, 0).orElseThrow().describe())
                .isEqualTo("switch sentiment.model balanced→accurate");
    }

    @Test
    void thereIsNoMovePastTheEndOfTheRange() {
        assertThat(StepLadder.move(cache.withValue(20000), UP, 2)).isEmpty();
        assertThat(StepLadder.move(retries.withValue(0), DOWN, 2)).isEmpty();
    }

    @Test
    void theLevelOfAnyChangeIsRecoveredFromItsSize() {
        assertThat(StepLadder.levelOf(cache, new KnobChange("cache.size", 100, 200))).isEqualTo(3);
        assertThat(StepLadder.levelOf(cache, new KnobChange("cache.size", 1000, 870))).isEqualTo(0);
        assertThat(StepLadder.levelOf(confidence, new KnobChange("confidence.threshold", 0.55, 0.42))).isEqualTo(3);
    }

    @Test
    void aggressivenessShiftsTheLevelByOnePerDoubling() {
        assertThat(StepLadder.scaled(2, 1)).isEqualTo(2);
        assertThat(StepLadder.scaled(2, 2)).isEqualTo(3);
        assertThat(StepLadder.scaled(2, 0.5)).isEqualTo(1);
        assertThat(StepLadder.scaled(4, 2)).isEqualTo(4);
    }
}
