package io.perfopt.plugins.marketanalyzer;

import static io.perfopt.api.knob.ChangeDirection.DOWN;
import static io.perfopt.api.knob.ChangeDirection.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MarketAnalyzerOptimizerTest {

    private final MarketAnalyzerOptimizer plugin = new MarketAnalyzerOptimizer();

    private final FakeContext analyzer = FakeContext.agent("ma-1", "market-analyzer").knobs(
            Knob.ofEnum("sentiment.model", List.of("fast", "balanced", "accurate"), "accurate", "model", "success",
                    "latency"),
            Knob.ofDouble("sentiment.temperature", 0, 1.5, 0.9, "model", "success"),
            Knob.ofInt("indicator.cache.size", 0, 5000, 200, "latency", "cache", "resource"),
            Knob.ofInt("pattern.window", 10, 1000, 200, "pattern", "success", "latency"),
            Knob.ofDouble("confidence.threshold", 0.3, 0.95, 0.6, "confidence", "success"),
            Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency", "capacity", "resource"));

    private static Map<String, Object> moves(List<Proposal> proposals) {
        return proposals.stream().collect(Collectors.toMap(Proposal::knobKey, p -> p.changes().get(0).direction()));
    }

    @Test
    void servesMarketAnalyzersOnly() {
        assertThat(plugin.serves(AgentDescriptor.of("ma-1", "market-analyzer"))).isTrue();
        assertThat(plugin.serves(AgentDescriptor.of("mh-1", "market-hunter"))).isFalse();
    }

    @Test
    void whenSlowStepsTheModelTowardFastOneValueAtATime() {
        List<Proposal> proposals = plugin.propose(analyzer.build());

        assertThat(proposals.get(0).description()).startsWith("switch sentiment.model accurate→balanced");
        assertThat(moves(proposals)).containsOnly(Map.entry("sentiment.model", DOWN),
                Map.entry("indicator.cache.size", UP), Map.entry("pattern.window", DOWN));
    }

    @Test
    void whenWrongCoolsTheTemperatureAndWidensThePatternWindow() {
        List<Proposal> proposals = plugin.propose(analyzer.bottleneck(BottleneckType.SUCCESS_RATE).build());

        // already on the accurate model: nothing to gain there
        assertThat(moves(proposals)).containsOnly(Map.entry("sentiment.temperature", DOWN),
                Map.entry("pattern.window", UP));
    }

    @Test
    void whenWrongOnTheFastModelStepsTowardAccurate() {
        analyzer.knobs(Knob.ofEnum("sentiment.model", List.of("fast", "balanced", "accurate"), "fast", "model"));

        Proposal model = plugin.propose(analyzer.bottleneck(BottleneckType.SUCCESS_RATE).build()).get(0);

        assertThat(model.description()).startsWith("switch sentiment.model fast→balanced");
    }
}
