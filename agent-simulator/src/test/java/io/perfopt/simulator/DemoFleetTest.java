package io.perfopt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.agent.SimulatedAgent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo fleet starts with the bottlenecks perfopt's detectors look for (p95 response time
 * above 2000 ms, success rate below 0.70, coordination below 0.60), and each can be fixed by
 * turning knobs within their ranges.
 */
class DemoFleetTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private final SimulatedFleet fleet = SimulatedFleet.demo(clock, 42);

    @Test
    void marketHunterStartsSlowFailingAndPoorlyCoordinated() {
        Observation start = settleAndWatch("market-hunter");

        assertThat(start.p95ResponseTime()).as(start.toString()).isBetween(2000.0, 3200.0);
        assertThat(start.mean("successRate")).as(start.toString()).isBetween(0.50, 0.70);
        assertThat(start.mean("coordinationScore")).as(start.toString()).isBetween(0.45, 0.60);
    }

    @Test
    void marketHuntersBottlenecksGoWithABiggerCacheAndSmallerBatches() {
        change("market-hunter", Map.of("cache.size", 15000, "message.batch.size", 3));

        Observation fixed = settleAndWatch("market-hunter");

        assertThat(fixed.p95ResponseTime()).as(fixed.toString()).isLessThan(600);
        assertThat(fixed.mean("successRate")).as(fixed.toString()).isGreaterThan(0.80);
        assertThat(fixed.mean("coordinationScore")).as(fixed.toString()).isGreaterThan(0.80);
    }

    @Test
    void narrativeArchitectStartsSlowAndASmallerContextWithFewerRetriesFixesIt() {
        Observation start = settleAndWatch("narrative-architect");
        change("narrative-architect", Map.of("context.window", 4096, "retries", 1));
        Observation fixed = settleAndWatch("narrative-architect");

        assertThat(start.p95ResponseTime()).as(start.toString()).isGreaterThan(3000);
        assertThat(start.mean("successRate")).as(start.toString()).isGreaterThan(0.70);
        assertThat(fixed.p95ResponseTime()).as(fixed.toString()).isLessThan(2000);
        assertThat(fixed.mean("successRate")).as(fixed.toString()).isGreaterThan(0.70);
    }

    @Test
    void strategicOrchestratorStartsPoorlyCoordinatedAndFewerRoundsInSmallerBatchesFixIt() {
        Observation start = settleAndWatch("strategic-orchestrator");
        change("strategic-orchestrator", Map.of("negotiation.rounds", 6, "message.batch.size", 2));
        Observation fixed = settleAndWatch("strategic-orchestrator");

        assertThat(start.mean("coordinationScore")).as(start.toString()).isLessThan(0.55);
        assertThat(start.p95ResponseTime()).as(start.toString()).isLessThan(2000);
        assertThat(fixed.mean("coordinationScore")).as(fixed.toString()).isGreaterThan(0.70);
        assertThat(fixed.mean("successRate")).as(fixed.toString()).isGreaterThan(0.80);
    }

    @Test
    void analyzerAndExecutionStartHealthy() {
        for (String id : new String[] {"market-analyzer", "intelligent-execution"}) {
            Observation start = settleAndWatch(id);

            assertThat(start.p95ResponseTime()).as(id + " " + start).isLessThan(2000);
            assertThat(start.mean("successRate")).as(id + " " + start).isGreaterThan(0.70);
            assertThat(start.mean("coordinationScore")).as(id + " " + start).isGreaterThan(0.60);
        }
    }

    private Observation settleAndWatch(String id) {
        SimulatedAgent agent = fleet.agent(id);
        clock.advance(Duration.ofMinutes(2));
        agent.inspect();
        return Observation.watch(agent, clock, Duration.ofMinutes(3));
    }

    private void change(String id, Map<String, Object> knobs) {
        knobs.forEach((name, value) -> fleet.agent(id).setKnob(name, value, fleet.tokens().get(id)));
    }
}
