package io.perfopt.benchmarks.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.simulator.agent.SimulatedAgent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RandomSearchSmokeTest {

    @Test
    void theTruthUsedForScoringIsTheSimulatorsOracle() {
        try (SurfaceFleet fleet = new SurfaceFleet(3, 2)) {
            fleet.clock().advance(Duration.ofMinutes(7));
            for (String id : fleet.agentIds()) {
                SimulatedAgent agent = fleet.simulator().agent(id);
                var oracle = agent.oracle().orElseThrow();
                assertThat(SurfaceTruth.objective(id, fleet.starts().get(id), fleet.clock().instant()))
                        .isCloseTo(oracle.objectiveNow(), within(1e-9));
                assertThat(SurfaceTruth.optimum(id, fleet.clock().instant()))
                        .isCloseTo(oracle.objectiveAtOptimum(), within(1e-9));
            }
        }
    }

    @Test
    void stepsTowardTheOracleLowerTheTrueObjectiveAndTheNoOpKnobChangesNothing() {
        Config start = Config.of(10, 0.2, 6, 200);
        var at = SurfaceTruth.EPOCH;

        double now = SurfaceTruth.objective("surface-0", start, at);

        assertThat(SurfaceTruth.objective("surface-0", start.with(Config.POOL, 30), at)).isLessThan(now);
        assertThat(SurfaceTruth.objective("surface-0", start.with(Config.PREFETCH, 0.5), at)).isLessThan(now);
        assertThat(SurfaceTruth.objective("surface-0", start.with(Config.COMPRESSION, 3), at)).isLessThan(now);
        assertThat(SurfaceTruth.objective("surface-0", start.with(Config.FLUSH, 900), at)).isEqualTo(now);
    }

    @Test
    void randomSearchMakesItsBudgetOfChangesOverHttpAndKeepsOnlyWhatMeasuredBetter() {
        MethodRun run;
        try (SurfaceFleet fleet = new SurfaceFleet(1, 1)) {
            run = RandomSearch.run(fleet, 3, 1);
        }

        Score score = Score.of(run);

        assertThat(run.changes()).hasSize(2).allSatisfy((agent, changes) -> assertThat(changes).hasSize(3));
        assertThat(score.changes()).isEqualTo(6);
        assertThat(score.harmfulKept()).isZero();
        assertThat(score.gap4()).isLessThanOrEqualTo(score.gapAtStart() + Score.NOISE);
    }
}
