package io.perfopt.simulator.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.AgentKinds;
import io.perfopt.simulator.AgentSpec;
import io.perfopt.simulator.FleetClient;
import io.perfopt.simulator.Observation;
import io.perfopt.simulator.SimulatedFleet;
import io.perfopt.simulator.agent.SimulatedAgent;
import io.perfopt.simulator.agent.SurfaceOracle;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SurfaceAgentTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();

    @Test
    void theOraclesOptimumIsTheNoiseFreeMinimumOfAGridSearch() {
        ResponseSurface surface = new ResponseSurface(false);
        double best = Double.POSITIVE_INFINITY;
        int bestPool = -1;
        double bestPrefetch = -1;
        int bestCompression = -1;
        for (int pool = 1; pool <= 100; pool++) {
            for (int p = 0; p <= 100; p++) {
                for (int compression = 0; compression <= 9; compression++) {
                    double objective = surface.objective(pool, p / 100.0, compression, 0);
                    if (objective < best) {
                        best = objective;
                        bestPool = pool;
                        bestPrefetch = p / 100.0;
                        bestCompression = compression;
                    }
                }
            }
        }
        SurfaceOracle oracle = agent(AgentSpec.of("surface", AgentKinds.SURFACE)).oracle().orElseThrow();

        assertThat(oracle.optimum().get("pool.size")).isEqualTo((long) bestPool);
        assertThat((double) oracle.optimum().get("prefetch.ratio")).isCloseTo(bestPrefetch, within(0.005));
        assertThat(oracle.optimum().get("compression.level")).isEqualTo((long) bestCompression);
        assertThat(oracle.objectiveAtOptimum()).isCloseTo(best, within(1e-9));
        assertThat(bestPool).isStrictlyBetween(1, 100);
        assertThat(bestPrefetch).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void theOraclesObjectiveNowIsWhatTheAgentMeasuresWithoutNoise() {
        SimulatedAgent surface = agent(AgentSpec.of("surface", AgentKinds.SURFACE));
        clock.advance(Duration.ofMinutes(1));

        double measured = Observation.watch(surface, clock, Duration.ofMinutes(5)).mean("responseTimeMs");

        assertThat(measured).isCloseTo(surface.oracle().orElseThrow().objectiveNow(), within(0.03 * measured));
    }

    @Test
    void theNoOpKnobChangesNothing() {
        SimulatedAgent low = agent(AgentSpec.of("surface", AgentKinds.SURFACE).withKnob("flush.interval.ms", 10));
        SimulatedAgent high = agent(AgentSpec.of("surface", AgentKinds.SURFACE).withKnob("flush.interval.ms", 1000));
        clock.advance(Duration.ofMinutes(2));

        assertThat(high.inspect().metrics().metrics()).isEqualTo(low.inspect().metrics().metrics());
        assertThat(high.oracle().orElseThrow().objectiveNow()).isEqualTo(low.oracle().orElseThrow().objectiveNow());
        assertThat(high.knob("flush.interval.ms").tags()).contains("latency");
    }

    @Test
    void theMonotoneKnobOnlyEverHurts() {
        ResponseSurface surface = new ResponseSurface(false);
        for (int level = 1; level <= 9; level++) {
            assertThat(surface.objective(30, 0.4, level, 0)).isGreaterThan(surface.objective(30, 0.4, level - 1, 0));
        }
        double none = measuredWithCompression(0);
        double most = measuredWithCompression(9);

        assertThat(most).isGreaterThan(1.15 * none);
    }

    @Test
    void theDriftingVariantsOptimumMovesOverTime() {
        SimulatedAgent drifting = agent(AgentSpec.of("drifting", AgentKinds.SURFACE_DRIFTING));
        double first = (double) drifting.oracle().orElseThrow().optimum().get("prefetch.ratio");
        clock.advance(Duration.ofMinutes(15));
        double later = (double) drifting.oracle().orElseThrow().optimum().get("prefetch.ratio");

        assertThat(Math.abs(later - first)).isGreaterThan(0.2);
        assertThat(later).isBetween(0.0, 1.0);
    }

    @Test
    void servesTheOracleOverHttpAndOnlyForBenchmarkAgents() {
        try (SimulatedFleet fleet = SimulatedFleet.builder().clock(clock).seed(2)
                .agent(AgentSpec.of("surface", AgentKinds.SURFACE), AgentSpec.of("hunter", AgentKinds.MARKET_HUNTER))
                .build()) {
            FleetClient client = new FleetClient(fleet.start(0));

            JsonNode oracle = client.json("/agents/surface/admin/oracle");

            assertThat(oracle.get("optimum").get("pool.size").asLong()).isEqualTo(ResponseSurface.POOL_OPTIMUM);
            assertThat(oracle.get("objectiveAtOptimum").asDouble()).isEqualTo(ResponseSurface.BASE_MS);
            assertThat(oracle.get("objectiveNow").asDouble()).isGreaterThan(ResponseSurface.BASE_MS);
            assertThat(client.get("/agents/hunter/admin/oracle").statusCode()).isEqualTo(404);
            JsonNode knobs = FleetClient.parse(client.get("/agents/surface/control/knobs",
                    fleet.tokens().get("surface")).body()).get("knobs");
            assertThat(knobs).allSatisfy(k -> assertThat(k.get("tags").toString()).contains("latency"));
            assertThat(knobs).extracting(k -> k.get("type").asText()).contains("int", "double");
        }
    }

    private double measuredWithCompression(int level) {
        SimulatedAgent surface = agent(AgentSpec.of("surface", AgentKinds.SURFACE).withKnob("compression.level", level));
        clock.advance(Duration.ofMinutes(1));
        return Observation.watch(surface, clock, Duration.ofMinutes(2)).mean("responseTimeMs");
    }

    private SimulatedAgent agent(AgentSpec spec) {
        return SimulatedFleet.builder().clock(clock).seed(17).agent(spec).build().agent(spec.id());
    }
}
