package io.perfopt.integration.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.testing.CachePlugin;
import io.perfopt.integration.testing.SimulatedFleetRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndToEndTest {


    /** Starves intelligent-execution of workers: its signals queue behind one another. */
    static final class WorkerStarvation implements OptimizerPlugin {
        @Override
        public String id() {
            return "worker-starvation";
        }

        @Override
        public Set<BottleneckType> handles() {
            return Set.of(BottleneckType.RESPONSE_TIME);
        }

        @Override
        public boolean serves(io.perfopt.api.AgentDescriptor agent) {
            return agent.id().equals("intelligent-execution");
        }

        @Override
        public List<Proposal> propose(PlanningContext ctx) {
            return ctx.knob("signal.concurrency").filter(k -> k.value() > k.min())
                    .map(k -> List.of(Proposal.builder("one worker is enough").change(k.changeTo(k.min()))
                            .risk(0.1).build())).orElse(List.of());
        }
    }

    private SimulatedFleetRun run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void fixesTheSlowMarketHunterWithAKeptChangeVisibleInTheApi() throws Exception {
        run = new SimulatedFleetRun(Map.of(), List.of(CachePlugin.quadrupling("cache-doubler")));

        OptimizationResult kept = null;
        for (int i = 0; i < 40 && kept == null; i++) {
            CycleReport report = run.perfopt.cycle(Duration.ofSeconds(10));
            kept = report.results().stream().filter(r -> r.strategy().target().equals("market-hunter")
                    && r.verdict() == Verdict.IMPROVED).findFirst().orElse(null);
        }

        assertThat(kept).as("a kept latency change on market-hunter within 40 cycles").isNotNull();
        assertThat(kept.actualImprovement()).isPositive();
        var answer = run.perfopt.get("/api/optimizations?agent=market-hunter&verdict=improved");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode results = Json.mapper().readTree(answer.body());
        assertThat(results).isNotEmpty();
        assertThat(results.get(0).get("explanation").asText()).contains("cache.size").contains("kept");
        // judged on the center: the median fell (market-hunter's p95 can sit at its 2.8 s timeout on both sides)
        assertThat(results.get(0).get("before").get("p50").asDouble())
                .isGreaterThan(results.get(0).get("after").get("p50").asDouble());
    }

    @Test
    void rollsBackAHarmfulChangeAndRestoresTheKnob() throws Exception {
        // a strict latency threshold gives the healthy intelligent-execution a bottleneck to "fix"
        run = new SimulatedFleetRun(Map.of("perfopt.thresholds.responseTimeMs", "100"),
                List.of(new WorkerStarvation()));
        double before = run.fleet.agent("intelligent-execution").knob("signal.concurrency").value();

        OptimizationResult verdict = null;
        for (int i = 0; i < 10 && verdict == null; i++) {
            verdict = run.perfopt.cycle(Duration.ofSeconds(10)).results().stream().findFirst().orElse(null);
        }

        assertThat(verdict).as("a verdict on the flood within 10 cycles").isNotNull();
        assertThat(verdict.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(verdict.actualImprovement()).isNegative();
        assertThat(run.fleet.agent("intelligent-execution").knob("signal.concurrency").value()).isEqualTo(before);
        assertThat(run.fleet.agent("intelligent-execution").history()).hasSize(2);
    }

    @Test
    void readsPrometheusExpositionFromTheAgents() throws Exception {
        run = new SimulatedFleetRun(Map.of(), List.of(), true);

        run.perfopt.cycle(Duration.ofSeconds(10));
        run.perfopt.cycle(Duration.ofSeconds(10));

        JsonNode agent = Json.mapper().readTree(run.perfopt.get("/api/agents/market-hunter").body());
        assertThat(agent.get("source").asText()).isEqualTo("prometheus");
        assertThat(agent.get("freshness").asText()).isEqualTo("fresh");
        assertThat(agent.at("/metrics/responseTimeMs/mean").asDouble()).isGreaterThan(2000);
        assertThat(agent.at("/metrics/successRate/mean").asDouble()).isBetween(0.3, 0.9);
    }
}
