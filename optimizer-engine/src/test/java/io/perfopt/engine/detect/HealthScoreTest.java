package io.perfopt.engine.detect;

import static io.perfopt.engine.detect.Summaries.latency;
import static io.perfopt.engine.detect.Summaries.metrics;
import static io.perfopt.engine.detect.Summaries.ratio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.metric.AgentMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthScoreTest {

    private final ThresholdPolicy policy = ThresholdPolicy.defaults();
    private final HealthScore health = new HealthScore(policy, "p95", 3);

    // a1: latency 2000/2500 = 0.8, success 0.9, coordination 0.7        -> 0.8
    // a2: latency 1 (1000 ms is within 2000), success 0.6, confidence 0.8 -> 0.8
    // a3: success 0.5 only                                               -> 0.5
    // a4: only cpu, which is no health component                        -> not counted
    // system = (0.8 + 0.8 + 0.5) / 3 = 0.7
    private final Map<String, AgentMetrics> fleet = Map.of(
            "a1", metrics(latency(2500, 60), ratio("successRate", 0.9, 60), ratio("coordinationScore", 0.7, 60)),
            "a2", metrics(latency(1000, 60), ratio("successRate", 0.6, 60), ratio("averageConfidence", 0.8, 60)),
            "a3", metrics(ratio("successRate", 0.5, 60)),
            "a4", metrics(ratio("cpu", 0.9, 60)));

    @Test
    void theSystemScoreIsTheMeanOfAgentHealthOverAgentsWithComponents() {
        assertThat(health.agent("a1", fleet.get("a1"))).hasValueCloseTo(0.8, within(1e-12));
        assertThat(health.agent("a2", fleet.get("a2"))).hasValueCloseTo(0.8, within(1e-12));
        assertThat(health.agent("a3", fleet.get("a3"))).hasValueCloseTo(0.5, within(1e-12));
        assertThat(health.agent("a4", fleet.get("a4"))).isEmpty();

        assertThat(health.system(fleet)).hasValueCloseTo(0.7, within(1e-12));
        assertThat(health.agents(fleet)).containsOnlyKeys("a1", "a2", "a3");
    }

    @Test
    void theLatencyComponentUsesTheAgentsOwnThreshold() {
        policy.override("a1", Map.of("responseTimeMs", 2500.0));

        assertThat(health.components("a1", fleet.get("a1"))).containsEntry("responseTimeMs", 1.0);
        assertThat(health.agent("a1", fleet.get("a1"))).hasValueCloseTo((1 + 0.9 + 0.7) / 3, within(1e-12));
    }

    @Test
    void componentsWithTooFewSamplesDoNotCount() {
        AgentMetrics sparse = metrics(latency(4000, 2), ratio("successRate", 0.9, 60));

        assertThat(health.components("a1", sparse)).containsOnlyKeys("successRate");
        assertThat(health.agent("a1", sparse)).hasValueCloseTo(0.9, within(1e-12));
    }

    @Test
    void aFleetWithoutHealthComponentsHasNoScore() {
        assertThat(health.system(Map.of())).isEmpty();
        assertThat(health.system(Map.of("a4", fleet.get("a4")))).isEmpty();
    }
}
