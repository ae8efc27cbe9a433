package io.perfopt.plugins.latency;

import static io.perfopt.api.optimization.Verdict.DEGRADED;
import static io.perfopt.api.optimization.Verdict.IMPROVED;
import static io.perfopt.api.optimization.Verdict.NO_EFFECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyOptimizerTest {

    private final LatencyOptimizer plugin = new LatencyOptimizer();

    private final FakeContext orchestrator = FakeContext.agent("so-1", "strategic-orchestrator").knobs(
            Knob.ofInt("negotiation.rounds", 1, 20, 5, "coordination", "negotiation"),
            Knob.ofInt("message.batch.size", 1, 500, 50, "coordination", "batching", "latency"),
            Knob.ofInt("message.timeout.ms", 100, 10000, 2000, "coordination", "timeout"),
            Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency", "capacity", "resource"));

    @Test
    void handlesResponseTimeOnly() {
        assertThat(plugin.handles()).containsExactly(BottleneckType.RESPONSE_TIME);
    }

    @Test
    void proposesOnlyKnobsTaggedLatencyEachTheWayItsTagsLean() {
        List<Proposal> proposals = plugin.propose(orchestrator.build());

        assertThat(proposals).extracting(Proposal::knobKey).containsExactly("worker.threads", "message.batch.size");
        assertThat(proposals.get(0).changes().get(0).direction()).isEqualTo(ChangeDirection.UP);
        assertThat(proposals.get(1).changes().get(0).direction()).isEqualTo(ChangeDirection.DOWN);
        assertThat(proposals).allSatisfy(p -> assertThat(p.guardrails()).contains(Guardrail.of("successRate")));
    }

    @Test
    void everyProposalStartsFromTheCurrentValueAndStaysInRange() {
        PlanningContext context = orchestrator.build();

        assertThat(plugin.propose(context)).flatExtracting(Proposal::changes).allSatisfy(change -> {
            Knob knob = context.knob(change.knob()).orElseThrow();
            assertThat(change.from()).isEqualTo(knob.value());
            assertThat(knob.accepts(change.to())).isTrue();
        });
    }

    @Test
    void continuesAKeptChangeWithABiggerStepAndAHigherPrior() {
        PlanningContext context = orchestrator.tried("worker.threads", 13, IMPROVED, 14).build();

        Proposal threads = plugin.propose(context).get(0);

        assertThat(threads.description()).startsWith("raise worker.threads 13→26")
                .contains("the last raise was kept (+14.0 %)");
        assertThat(threads.prior()).isEqualTo(0.7);
        assertThat(threads.step()).isEqualTo("x2");
    }

    @Test
    void turnsAKnobTheOtherWayAfterItsChangeWasRolledBack() {
        PlanningContext context = orchestrator.tried("worker.threads", 13, DEGRADED, -11).build();

        Proposal threads = plugin.propose(context).stream().filter(p -> p.knobKey().equals("worker.threads"))
                .findFirst().orElseThrow();

        assertThat(threads.changes().get(0).to()).isEqualTo(5);
    }

    @Test
    void stopsProposingAKnobThatShowedNoEffectTwice() {
        PlanningContext context = orchestrator.tried("message.batch.size", 31, NO_EFFECT, 1)
                .tried("message.batch.size", 80, NO_EFFECT, -2).build();

        assertThat(plugin.propose(context)).extracting(Proposal::knobKey).containsExactly("worker.threads");
    }

    @Test
    void findsTheOptimumOfAnUnknownSurfaceInFewChangesWithoutTouchingTheUselessKnobMuch() {
        Surface surface = new Surface();
        double start = surface.responseTime();

        for (int change = 0; change < 20; change++) {
            List<Proposal> proposals = plugin.propose(surface.context());
            if (proposals.isEmpty()) {
                break;
            }
            surface.apply(proposals.get(0));
        }

        assertThat(start).isGreaterThan(2 * Surface.OPTIMUM_MS);
        assertThat(surface.responseTime()).as("response time after %s", surface.changed())
                .isLessThan(Surface.OPTIMUM_MS * 1.10);
        assertThat(surface.changed()).as("changes of the knob that does nothing")
                .filteredOn(c -> c.startsWith("flush.interval.ms")).hasSizeLessThanOrEqualTo(2);
        assertThat(Surface.values(surface.context()).get("compression.level")).isLessThanOrEqualTo(1);
    }
}
