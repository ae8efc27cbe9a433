package io.perfopt.api.tuning;

import static io.perfopt.api.knob.ChangeDirection.DOWN;
import static io.perfopt.api.knob.ChangeDirection.UP;
import static io.perfopt.api.optimization.Verdict.DEGRADED;
import static io.perfopt.api.optimization.Verdict.IMPROVED;
import static io.perfopt.api.optimization.Verdict.NO_EFFECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.testing.FakeContext;
import org.junit.jupiter.api.Test;

class LineSearchTest {

    private final LineSearch search = LineSearch.defaults();
    private final FakeContext agent = FakeContext.agent("a1", "surface")
            .knobs(Knob.ofInt("cache.size", 0, 20000, 100, "latency", "cache"),
                    Knob.ofInt("log.level", 0, 10, 5, "latency"));

    private SearchStep next(PlanningContext context, String knob, DirectionPrior prior) {
        return search.next(context, context.knob(knob).orElseThrow(), prior).orElseThrow();
    }

    @Test
    void anUntriedKnobStartsTheWayItsPriorLeans() {
        SearchStep step = next(agent.build(), "cache.size", DirectionPrior.up(0.65));

        assertThat(step.move().target()).isEqualTo(200);
        assertThat(step.phase()).isEqualTo(SearchPhase.PROBING);
        assertThat(step.prior()).isEqualTo(0.65);
    }

    @Test
    void anUntriedKnobStartsTheWayLearningFoundBetterOnItsClass() {
        PlanningContext context = agent.learned("cache.size", UP, "x1.6", 4, 0)
                .learned("cache.size", DOWN, "x1.6", 3, 3).build();

        SearchStep step = next(context, "cache.size", DirectionPrior.up(0.65));

        assertThat(step.move().direction()).isEqualTo(DOWN);
        assertThat(step.reason()).contains("learning on this agent class favours lowers");
    }

    @Test
    void aKeptStepIsFollowedByABiggerStepTheSameWay() {
        PlanningContext context = agent.tried("cache.size", 160, IMPROVED, 18).build();

        SearchStep step = next(context, "cache.size", DirectionPrior.up(0.65));

        assertThat(step.phase()).isEqualTo(SearchPhase.ADVANCING);
        assertThat(step.move().label()).isEqualTo("x2");
        assertThat(step.move().target()).isEqualTo(320);
        assertThat(step.prior()).isEqualTo(0.7);
        assertThat(step.reason()).contains("the last raise was kept (+18.0 %)");
    }

    @Test
    void aRolledBackFirstStepIsTriedTheOtherWay() {
        PlanningContext context = agent.tried("cache.size", 160, DEGRADED, -9).build();

        SearchStep step = next(context, "cache.size", DirectionPrior.up(0.65));

        assertThat(step.move().direction()).isEqualTo(DOWN);
        assertThat(step.move().level()).isEqualTo(2);
        assertThat(step.reason()).contains("rolled back (degraded, -9.0 %)");
    }

    @Test
    void anAdvanceThatWentTooFarIsFollowedByTheInterpolatedBestValue() {
        PlanningContext context = agent.tried("cache.size", 160, IMPROVED, 20)
                .tried("cache.size", 320, IMPROVED, 10)
                .tried("cache.size", 960, DEGRADED, -10).build();

        SearchStep step = next(context, "cache.size", DirectionPrior.up(0.65));

        // badness 1.11 at 160, 1 at 320, 1.10 at 960: the parabola in log space bottoms out near 400
        assertThat(step.phase()).isEqualTo(SearchPhase.BRACKETED);
        assertThat(step.move().direction()).isEqualTo(UP);
        assertThat(step.move().target()).isBetween(350.0, 450.0);
        assertThat(step.prior()).isEqualTo(0.6);
    }

    @Test
    void failuresBothWaysAimBetweenThemAndThenSettle() {
        FakeContext session = agent.tried("cache.size", 160, DEGRADED, -30).tried("cache.size", 62, DEGRADED, -3);

        SearchStep between = next(session.build(), "cache.size", DirectionPrior.up(0.65));
        assertThat(between.phase()).isEqualTo(SearchPhase.BRACKETED);
        assertThat(between.move().target()).isBetween(75.0, 90.0);

        session.tried("cache.size", between.move().target(), NO_EFFECT, 1);
        assertThat(search.state(session.build(), knob(session, "cache.size"), DirectionPrior.up(0.65)).phase())
                .isEqualTo(SearchPhase.RESTING);
    }

    @Test
    void aKnobWhoseBestValueIsWhereItIsConvergesAtOnce() {
        PlanningContext context = agent.tried("cache.size", 160, DEGRADED, -12)
                .tried("cache.size", 62, DEGRADED, -12).build();

        assertThat(search.state(context, knob(agent, "cache.size"), DirectionPrior.up(0.65)).phase())
                .isEqualTo(SearchPhase.RESTING);
    }

    @Test
    void aKnobWithoutEffectRestsAfterTwoTriesAndIsTriedAgainLater() {
        FakeContext session = agent.tried("log.level", 7, NO_EFFECT, 0.4).tried("log.level", 3, NO_EFFECT, -0.2);

        assertThat(search.next(session.build(), knob(session, "log.level"), DirectionPrior.NEUTRAL)).isEmpty();

        for (int i = 0; i < 8; i++) {
            double cache = knob(session, "cache.size").value();
            session.tried("cache.size", cache + 100, Verdict.IMPROVED, 5);
        }
        SearchStep again = next(session.build(), "log.level", DirectionPrior.NEUTRAL);
        assertThat(again.reason()).isEqualTo("trying again after a rest");
    }

    @Test
    void aSignificantGainTooSmallToCountIsFollowedByABiggerStepTheSameWay() {
        PlanningContext context = agent.triedSignificant("log.level", 4, NO_EFFECT, 3.5).build();

        SearchStep step = next(context, "log.level", DirectionPrior.down(0.5));

        assertThat(step.move().direction()).isEqualTo(DOWN);
        assertThat(step.move().level()).isEqualTo(3);
        assertThat(step.reason()).contains("helped too little to count (+3.5 %); a bigger step");
    }

    @Test
    void aSmallGainAtTheEndOfTheRangeCannotGrowAndCountsAsNoEffect() {
        FakeContext session = agent.knobs(Knob.ofInt("log.level", 0, 10, 1, "latency"))
                .triedSignificant("log.level", 0, NO_EFFECT, 4).tried("log.level", 3, NO_EFFECT, 0.1);

        assertThat(search.state(session.build(), knob(session, "log.level"), DirectionPrior.down(0.5)).phase())
                .isEqualTo(SearchPhase.RESTING);
    }

    @Test
    void onlyTheBottleneckTypeAtHandCounts() {
        PlanningContext context = agent.tried(BottleneckType.RESOURCE_PRESSURE, "cache.size", 50, IMPROVED, 10)
                .build();

        SearchStep step = next(context, "cache.size", DirectionPrior.up(0.65));

        assertThat(step.phase()).isEqualTo(SearchPhase.PROBING);
        assertThat(step.move().direction()).isEqualTo(UP);
    }

    @Test
    void aOneWaySearchShrinksInsteadOfTurningBack() {
        LineSearch down = LineSearch.defaults().oneWay(DOWN).withStartLevel(1).withFinestLevel(0);
        PlanningContext context = agent.bottleneck(BottleneckType.RESOURCE_PRESSURE)
                .tried("cache.size", 77, DEGRADED, -3).build();

        SearchStep next = down.next(context, context.knob("cache.size").orElseThrow(), DirectionPrior.down(0.6))
                .orElseThrow();

        assertThat(next.move().direction()).isEqualTo(DOWN);
        assertThat(next.move().label()).isEqualTo("x1.15");
        assertThat(next.move().target()).isEqualTo(87);
    }

    @Test
    void biggerAggressivenessStartsWithABiggerStep() {
        SearchStep step = next(agent.aggressiveness(2).build(), "cache.size", DirectionPrior.up(0.65));

        assertThat(step.move().label()).isEqualTo("x3");
    }

    @Test
    void smallerAggressivenessStartsWithASmallerStep() {
        SearchStep step = next(agent.aggressiveness(0.5).build(), "cache.size", DirectionPrior.up(0.65));

        assertThat(step.move().label()).isEqualTo("x1.6");
    }

    private static Knob knob(FakeContext session, String name) {
        return session.build().knob(name).orElseThrow();
    }
}
