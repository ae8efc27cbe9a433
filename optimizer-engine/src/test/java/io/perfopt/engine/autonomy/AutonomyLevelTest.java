package io.perfopt.engine.autonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.optimization.Verdict;
import org.junit.jupiter.api.Test;

class AutonomyLevelTest {

    private final AutonomyLevel autonomy = new AutonomyLevel(AutonomyConfig.defaults());

    @Test
    void startsAtTheFloorAndAllowsLowRiskOnly() {
        assertThat(autonomy.level()).isEqualTo(0.80);
        assertThat(autonomy.maxUnattendedRisk(1.0)).isCloseTo(0.30, within(1e-9));
    }

    @Test
    void risesWithSuccess() {
        autonomy.record(Verdict.IMPROVED);
        autonomy.record(Verdict.IMPROVED);
        assertThat(autonomy.level()).as("not before 3 judged changes").isEqualTo(0.80);

        autonomy.record(Verdict.IMPROVED);

        assertThat(autonomy.level()).isEqualTo(0.95);
        assertThat(autonomy.maxUnattendedRisk(1.0)).isCloseTo(0.45, within(1e-9));
    }

    @Test
    void fallsAfterRollbacks() {
        for (int i = 0; i < 4; i++) {
            autonomy.record(Verdict.IMPROVED);
        }
        autonomy.record(Verdict.DEGRADED);
        autonomy.record(Verdict.NO_EFFECT);
        autonomy.record(Verdict.DEGRADED);
        autonomy.record(Verdict.NO_EFFECT);

        assertThat(autonomy.level()).isCloseTo(0.875, within(1e-9));
        assertThat(autonomy.successRate()).isEqualTo(0.5);
    }

    @Test
    void failuresAndApprovalsDoNotMoveIt() {
        autonomy.record(Verdict.FAILED);
        autonomy.record(Verdict.AWAITING_APPROVAL);
        autonomy.record(Verdict.INCONCLUSIVE);

        assertThat(autonomy.successRate()).isZero();
        assertThat(autonomy.level()).isEqualTo(0.80);
    }

    @Test
    void aggressivenessScalesTheAllowedRisk() {
        assertThat(autonomy.maxUnattendedRisk(2.0)).isCloseTo(0.60, within(1e-9));
        assertThat(autonomy.maxUnattendedRisk(0.5)).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void rejectsBoundsOutsideTheRange() {
        assertThatThrownBy(() -> new AutonomyConfig(0.9, 0.8, 20, 3))
                .hasMessageContaining("floor 0.9 and ceiling 0.8");
    }
}
