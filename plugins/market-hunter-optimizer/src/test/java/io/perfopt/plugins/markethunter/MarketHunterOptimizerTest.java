package io.perfopt.plugins.markethunter;

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

class MarketHunterOptimizerTest {

    private final MarketHunterOptimizer plugin = new MarketHunterOptimizer();

    private final FakeContext hunter = FakeContext.agent("mh-1", "market-hunter").knobs(
            Knob.ofInt("cache.size", 0, 20000, 500, "latency", "cache", "resource"),
            Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency", "capacity", "resource"),
            Knob.ofInt("query.breadth", 1, 50, 20, "query", "success"),
            Knob.ofEnum("source.priority", List.of("news", "social", "onchain", "balanced"), "onchain", "query",
                    "success"),
            Knob.ofDouble("confidence.threshold", 0.3, 0.95, 0.6, "confidence", "success"),
            Knob.ofInt("decision.timeout.ms", 200, 10000, 3000, "timeout", "latency", "decision"),
            Knob.ofInt("message.batch.size", 1, 200, 20, "coordination", "batching"));

    private static Map<String, Object> moves(List<Proposal> proposals) {
        return proposals.stream().collect(Collectors.toMap(Proposal::knobKey, p -> p.changes().get(0).direction()));
    }

    @Test
    void servesMarketHuntersOnly() {
        assertThat(plugin.serves(AgentDescriptor.of("mh-1", "market-hunter"))).isTrue();
        assertThat(plugin.serves(AgentDescriptor.of("ma-1", "market-analyzer"))).isFalse();
        assertThat(plugin.handles()).containsExactlyInAnyOrder(BottleneckType.RESPONSE_TIME,
                BottleneckType.SUCCESS_RATE);
    }

    @Test
    void whenSlowCachesMoreAsksFewerSourcesGivesUpSoonerAndLeansOnNews() {
        List<Proposal> proposals = plugin.propose(hunter.build());

        assertThat(moves(proposals)).containsOnly(Map.entry("cache.size", UP), Map.entry("query.breadth", DOWN),
                Map.entry("decision.timeout.ms", DOWN), Map.entry("source.priority", DOWN));
        assertThat(proposals.get(0).knobKey()).isEqualTo("cache.size");
        Proposal news = proposals.stream().filter(p -> p.knobKey().equals("source.priority")).findFirst()
                .orElseThrow();
        assertThat(news.description()).startsWith("switch source.priority onchain→news");
        assertThat(proposals).allSatisfy(p -> assertThat(p.guardrails()).contains(Guardrail.of("successRate")));
    }

    @Test
    void whenMissingLooksWiderTakesLongerAndMixesSources() {
        List<Proposal> proposals = plugin.propose(hunter.bottleneck(BottleneckType.SUCCESS_RATE).build());

        assertThat(moves(proposals)).containsOnly(Map.entry("query.breadth", UP),
                Map.entry("decision.timeout.ms", UP), Map.entry("source.priority", UP));
        assertThat(proposals).allSatisfy(p -> assertThat(p.guardrails())
                .contains(new Guardrail("responseTimeMs", 20), new Guardrail("decisionCount", 10)));
    }

    @Test
    void doesNotProposeASourceSwitchThatWasJustRolledBack() {
        hunter.tried("source.priority", 0, Verdict.DEGRADED, -20);

        assertThat(plugin.propose(hunter.build())).extracting(Proposal::knobKey).doesNotContain("source.priority");
    }
}
