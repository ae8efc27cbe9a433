package io.perfopt.plugins.successrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessRateOptimizerTest {

    private final SuccessRateOptimizer plugin = new SuccessRateOptimizer();

    private final FakeContext architect = FakeContext.agent("na-1", "narrative-architect")
            .bottleneck(BottleneckType.SUCCESS_RATE)
            .knobs(Knob.ofInt("context.window", 512, 32768, 4096, "latency", "success", "resource"),
                    Knob.ofInt("retries", 0, 5, 1, "retries", "success", "latency"),
                    Knob.ofDouble("confidence.threshold", 0.3, 0.95, 0.55, "confidence", "success"),
                    Knob.ofInt("cache.size", 0, 20000, 100, "latency", "cache", "resource"),
                    Knob.ofInt("message.batch.size", 1, 200, 20, "coordination", "batching"));

    @Test
    void handlesTheSuccessRateOnly() {
        assertThat(plugin.handles()).containsExactly(BottleneckType.SUCCESS_RATE);
    }

    @Test
    void turnsOnlySuccessKnobsRetriesFirst() {
        List<Proposal> proposals = plugin.propose(architect.build());

        assertThat(proposals).extracting(Proposal::knobKey)
                .containsExactly("retries", "confidence.threshold", "context.window");
        assertThat(proposals.get(0).changes().get(0).direction()).isEqualTo(ChangeDirection.UP);
    }

    @Test
    void cannotSucceedByDecidingLessOrByBecomingSlow() {
        assertThat(plugin.propose(architect.build())).allSatisfy(p -> assertThat(p.guardrails())
                .contains(new Guardrail("decisionCount", 10), new Guardrail("responseTimeMs", 20)));
    }

    @Test
    void lowersTheConfidenceThresholdOnceRaisingItWasRolledBack() {
        PlanningContext context = architect.tried("confidence.threshold", 0.615, Verdict.DEGRADED, -6).build();

        Proposal confidence = plugin.propose(context).stream()
                .filter(p -> p.knobKey().equals("confidence.threshold")).findFirst().orElseThrow();

        assertThat(confidence.changes().get(0).to()).isEqualTo(0.485);
    }
}
