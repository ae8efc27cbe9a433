package io.perfopt.benchmarks.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * perfopt (with the plugin files the build copied to target/plugins) and Optuna on a tiny fleet
 * with a tiny budget: each makes its changes through the agent protocol and none makes the fleet
 * worse. The Optuna run is skipped when python3-optuna is not installed.
 */
class EvalMethodsIT {

    @Test
    void perfoptMakesVerifiedChangesThroughItsServiceAndNeverKeepsAHarmfulOne() throws Exception {
        MethodRun run;
        try (SurfaceFleet fleet = new SurfaceFleet(1, 1)) {
            run = PerfoptMethod.run(fleet, 2, 1, ModuleFiles.pluginFiles());
        }

        Score score = Score.of(run);

        assertThat(run.changes().values()).allSatisfy(changes -> assertThat(changes).hasSizeGreaterThanOrEqualTo(2));
        assertThat(score.harmfulKept()).isZero();
        assertThat(score.gap16()).isLessThanOrEqualTo(score.gapAtStart() + Score.NOISE);
    }

    @Test
    void optunaDrivesTheSameFleetFromPythonWithTheHarnessClock() throws Exception {
        assumeTrue(OptunaMethod.available(), "python3-optuna is not installed for " + OptunaMethod.python()
                + ": apt-get install python3-optuna (about a minute) to run the Optuna baseline");
        MethodRun run;
        try (SurfaceFleet fleet = new SurfaceFleet(1, 1)) {
            run = OptunaMethod.run(fleet, 2, 1);
        }

        assertThat(run.changes()).hasSize(2).allSatisfy((agent, changes) -> assertThat(changes).hasSize(2));
        assertThat(Score.of(run).gap4()).isLessThanOrEqualTo(Score.of(run).gapAtStart() + Score.NOISE);
    }
}
