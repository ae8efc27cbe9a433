package io.perfopt.plugins.coordination;

import static io.perfopt.api.knob.ChangeDirection.DOWN;
import static io.perfopt.api.knob.ChangeDirection.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CoordinationOptimizerTest {

    private final CoordinationOptimizer plugin = new CoordinationOptimizer();

    private final FakeContext orchestrator = FakeContext.agent("so-1", "strategic-orchestrator")
            .bottleneck(BottleneckType.COORDINATION)
            .knobs(Knob.ofInt("negotiation.rounds", 1, 20, 5, "coordination", "negotiation"),
                    Knob.ofInt("message.batch.size", 1, 500, 50, "coordination", "batching", "latency"),
                    Knob.ofInt("message.timeout.ms", 100, 10000, 2000, "coordination", "timeout"),
                    Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency", "capacity", "resource"));

    @Test
    void handlesCoordinationOnly() {
        assertThat(plugin.handles()).containsExactly(BottleneckType.COORDINATION);
    }

    @Test
    void moreRoundsLongerTimeoutsSmallerBatchesAndNoWorkerChange() {
        List<Proposal> proposals = plugin.propose(orchestrator.build());

        Map<String, Object> ways = proposals.stream().collect(Collectors.toMap(Proposal::knobKey,
                p -> p.changes().get(0).direction()));
        assertThat(ways).containsOnly(Map.entry("negotiation.rounds", UP), Map.entry("message.timeout.ms", UP),
                Map.entry("message.batch.size", DOWN));
    }

    @Test
    void guardsMessageLatencyAndConflictResolution() {
        assertThat(plugin.propose(orchestrator.build())).allSatisfy(p -> assertThat(p.guardrails()).containsExactly(
                new Guardrail("messageLatencyMs", 15), new Guardrail("conflictResolutionTimeMs", 15)));
    }
}
