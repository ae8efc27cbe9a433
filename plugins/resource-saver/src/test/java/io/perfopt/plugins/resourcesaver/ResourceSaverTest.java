package io.perfopt.plugins.resourcesaver;

import static io.perfopt.api.knob.ChangeDirection.DOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceSaverTest {

    private final ResourceSaver plugin = new ResourceSaver();

    private final FakeContext architect = FakeContext.agent("na-1", "narrative-architect")
            .bottleneck(BottleneckType.RESOURCE_PRESSURE)
            .knobs(Knob.ofInt("context.window", 512, 32768, 8192, "latency", "success", "resource"),
                    Knob.ofInt("cache.size", 0, 20000, 4000, "latency", "cache", "resource"),
                    Knob.ofInt("retries", 0, 5, 2, "retries", "success"));

    private final FakeContext execution = FakeContext.agent("ie-1", "intelligent-execution")
            .bottleneck(BottleneckType.RESOURCE_PRESSURE)
            .knobs(Knob.ofInt("signal.concurrency", 1, 64, 16, "latency", "concurrency", "capacity", "resource"));

    private static Proposal of(List<Proposal> proposals, String knob) {
        return proposals.stream().filter(p -> p.knobKey().equals(knob)).findFirst().orElseThrow();
    }

    @Test
    void givesBackAboutAQuarterOfEachResourceKnob() {
        List<Proposal> proposals = plugin.propose(architect.build());

        assertThat(proposals).extracting(Proposal::knobKey).containsExactlyInAnyOrder("cache.size", "context.window");
        assertThat(of(proposals, "cache.size").changes().get(0).to()).isEqualTo(3077);
        assertThat(proposals).allSatisfy(p -> assertThat(p.changes().get(0).direction()).isEqualTo(DOWN));
    }

    @Test
    void judgesCachesOnMemoryAndWorkersOnCpu() {
        assertThat(of(plugin.propose(architect.build()), "cache.size").targetMetric()).isEqualTo("memory");
        assertThat(of(plugin.propose(architect.build()), "context.window").targetMetric()).isEqualTo("memory");
        assertThat(of(plugin.propose(execution.build()), "signal.concurrency").targetMetric()).isEqualTo("cpu");
    }

    @Test
    void guardsResponseTimeAndSuccessRate() {
        assertThat(plugin.propose(architect.build())).allSatisfy(p -> assertThat(p.guardrails())
                .containsExactly(new Guardrail("responseTimeMs", 10), new Guardrail("successRate", 5)));
    }

    @Test
    void afterARollbackTriesASmallerStepThenLeavesTheKnobAlone() {
        architect.tried("cache.size", 3077, Verdict.DEGRADED, -12);
        assertThat(of(plugin.propose(architect.build()), "cache.size").changes().get(0).to()).isEqualTo(3478);

        architect.tried("cache.size", 3478, Verdict.DEGRADED, -7);
        PlanningContext context = architect.build();
        assertThat(plugin.propose(context)).extracting(Proposal::knobKey).containsExactly("context.window");
    }
}
