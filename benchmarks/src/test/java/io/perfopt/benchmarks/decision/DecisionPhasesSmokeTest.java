package io.perfopt.benchmarks.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A tiny run of the decision-phase harness: it measures cycles that really detect and plan. */
class DecisionPhasesSmokeTest {

    @Test
    void measuresCyclesThatDetectTheTroubledAgentsAndPlanForThem() {
        DecisionPhases.Result r = DecisionPhases.run(100, 3, 3, 1, 1, 1);

        assertThat(r.agents()).isEqualTo(100);
        assertThat(r.troubled()).isEqualTo(10);
        assertThat(r.decisionMs().n()).isEqualTo(3);
        assertThat(r.decisionMs().median()).isPositive();
        assertThat(r.bottlenecks().max()).as("bottlenecks per cycle").isGreaterThanOrEqualTo(5);
        assertThat(r.strategies().max()).as("strategies per cycle").isPositive();
        assertThat(DecisionPhases.row(r)).startsWith("| 100 | 10 |");
    }
}
