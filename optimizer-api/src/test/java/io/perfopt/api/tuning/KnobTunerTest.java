package io.perfopt.api.tuning;

import static io.perfopt.api.optimization.Verdict.IMPROVED;
import static io.perfopt.api.optimization.Verdict.NO_EFFECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnobTunerTest {

    private final KnobTuner tuner = KnobTuner.builder("to cut response time")
            .knobsTagged("latency")
            .priors(KnobPriors.byTag().when("cache", DirectionPrior.up(0.65)).otherwise(DirectionPrior.NEUTRAL))
            .guardrail(Guardrail.of("successRate"))
            .build();

    private final FakeContext agent = FakeContext.agent("a1", "surface").knobs(
            Knob.ofInt("cache.size", 0, 20000, 100, "latency", "cache"),
            Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency"),
            Knob.ofDouble("confidence.threshold", 0.3, 0.95, 0.55, "confidence"));

    @Test
    void proposesOneStepPerSelectedKnobMostBelievedFirst() {
        List<Proposal> proposals = tuner.propose(agent.build());

        assertThat(proposals).extracting(Proposal::knobKey).containsExactly("cache.size", "worker.threads");
        assertThat(proposals.get(0).description()).isEqualTo(
                "raise cache.size 100→200 to cut response time: untried on this agent");
        assertThat(proposals.get(0).step()).isEqualTo("x2");
        assertThat(proposals.get(0).prior()).isEqualTo(0.65);
        assertThat(proposals.get(0).guardrails()).containsExactly(Guardrail.of("successRate"));
    }

    @Test
    void aCoarserStepIsARiskierBet() {
        PlanningContext context = agent.tried("cache.size", 160, IMPROVED, 20).tried("cache.size", 320, IMPROVED, 10)
                .build();

        Proposal cache = tuner.propose(context).get(0);

        assertThat(cache.step()).isEqualTo("x3");
        assertThat(cache.risk()).isEqualTo(0.1 + 0.03 * 4);
    }

    @Test
    void aRestingKnobIsNotProposed() {
        PlanningContext context = agent.tried("worker.threads", 13, NO_EFFECT, 1)
                .tried("worker.threads", 5, NO_EFFECT, 0).build();

        assertThat(tuner.propose(context)).extracting(Proposal::knobKey).containsExactly("cache.size");
    }

    @Test
    void whenEveryKnobRestsTheOneRestingLongestIsWoken() {
        FakeContext session = agent.tried("worker.threads", 13, NO_EFFECT, 1).tried("worker.threads", 5, NO_EFFECT, 0)
                .tried("cache.size", 160, NO_EFFECT, 0.5).tried("cache.size", 62, NO_EFFECT, -0.3);

        List<Proposal> proposals = tuner.propose(session.build());

        assertThat(proposals).extracting(Proposal::knobKey).containsExactly("worker.threads");
        assertThat(proposals.get(0).description()).endsWith("trying again after a rest");
    }

    @Test
    void aWokenKnobRolledBackAgainLeavesTheNextTurnToTheOtherKnob() {
        FakeContext session = agent.tried("worker.threads", 13, NO_EFFECT, 1).tried("worker.threads", 5, NO_EFFECT, 0)
                .tried("cache.size", 160, NO_EFFECT, 0.5).tried("cache.size", 62, NO_EFFECT, -0.3);
        double wokenTo = tuner.propose(session.build()).get(0).changes().get(0).to();
        session.tried("worker.threads", wokenTo, NO_EFFECT, 0.2);

        List<Proposal> next = tuner.propose(session.build());

        // the woken knob's trial ended its rest: it goes on probing the other way, not the same step again
        assertThat(next).extracting(Proposal::knobKey).containsExactly("worker.threads");
        assertThat(Math.signum(next.get(0).changes().get(0).to() - 8)).isEqualTo(-Math.signum(wokenTo - 8));
        session.tried("worker.threads", next.get(0).changes().get(0).to(), NO_EFFECT, -0.1);
        assertThat(tuner.propose(session.build())).extracting(Proposal::knobKey).containsExactly("cache.size");
    }
}
