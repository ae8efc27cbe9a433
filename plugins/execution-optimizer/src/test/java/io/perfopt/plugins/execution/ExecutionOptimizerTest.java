package io.perfopt.plugins.execution;

import static io.perfopt.api.knob.ChangeDirection.DOWN;
import static io.perfopt.api.knob.ChangeDirection.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExecutionOptimizerTest {

    private final ExecutionOptimizer plugin = new ExecutionOptimizer();

    private final FakeContext execution = FakeContext.agent("ie-1", "intelligent-execution").knobs(
            Knob.ofInt("decision.timeout.ms", 200, 10000, 2000, "timeout", "latency", "decision"),
            Knob.ofInt("risk.batch.size", 1, 256, 64, "batching", "latency"),
            Knob.ofInt("signal.concurrency", 1, 64, 4, "latency", "concurrency", "capacity", "resource"),
            Knob.ofDouble("confidence.threshold", 0.3, 0.95, 0.6, "confidence", "success"),
            Knob.ofInt("message.batch.size", 1, 200, 20, "coordination", "batching"));

    private static Map<String, Object> moves(List<Proposal> proposals) {
        return proposals.stream().collect(Collectors.toMap(Proposal::knobKey, p -> p.changes().get(0).direction()));
    }

    @Test
    void servesIntelligentExecutionOnly() {
        assertThat(plugin.serves(AgentDescriptor.of("ie-1", "intelligent-execution"))).isTrue();
        assertThat(plugin.serves(AgentDescriptor.of("mh-1", "market-hunter"))).isFalse();
    }

    @Test
    void whenSlowPutsMoreSignalsInFlightFirst() {
        List<Proposal> proposals = plugin.propose(execution.build());

        assertThat(proposals.get(0).knobKey()).isEqualTo("signal.concurrency");
        assertThat(moves(proposals)).containsOnly(Map.entry("signal.concurrency", UP),
                Map.entry("risk.batch.size", DOWN), Map.entry("decision.timeout.ms", DOWN));
    }

    @Test
    void concurrencyGrowsUntilContentionThenTheSearchAimsBetween() {
        execution.tried("signal.concurrency", 6, Verdict.IMPROVED, 20)
                .tried("signal.concurrency", 12, Verdict.IMPROVED, 15)
                .tried("signal.concurrency", 36, Verdict.DEGRADED, -5);

        Proposal concurrency = plugin.propose(execution.build()).stream()
                .filter(p -> p.knobKey().equals("signal.concurrency")).findFirst().orElseThrow();

        assertThat(concurrency.changes().get(0).to()).isBetween(14.0, 24.0);
    }

    @Test
    void whenFailingTakesMoreTimeToDecideWithoutSlowingDown() {
        List<Proposal> proposals = plugin.propose(execution.bottleneck(BottleneckType.SUCCESS_RATE).build());

        assertThat(proposals.get(0).knobKey()).isEqualTo("decision.timeout.ms");
        assertThat(proposals.get(0).changes().get(0).direction()).isEqualTo(UP);
        assertThat(proposals).allSatisfy(p -> assertThat(p.guardrails())
                .contains(new Guardrail("responseTimeMs", 20), new Guardrail("decisionCount", 10)));
    }
}
