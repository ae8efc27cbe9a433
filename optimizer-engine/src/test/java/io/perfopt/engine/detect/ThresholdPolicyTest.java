package io.perfopt.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdPolicyTest {

    private final ThresholdPolicy policy = ThresholdPolicy.defaults();

    @Test
    void anOverrideAppliesOnlyToItsAgent() {
        policy.override("market-hunter", Map.of("responseTimeMs", 1500.0));

        assertThat(policy.forAgent("market-hunter").responseTimeMs()).isEqualTo(1500);
        assertThat(policy.forAgent("market-hunter").successRate()).isEqualTo(0.70);
        assertThat(policy.forAgent("risk-scout")).isEqualTo(Thresholds.defaults());
        assertThat(policy.global()).isEqualTo(Thresholds.defaults());
    }

    @Test
    void aNewOverrideReplacesTheOldOneAndAnEmptyOneRemovesIt() {
        policy.override("a1", Map.of("responseTimeMs", 1500.0));
        policy.override("a1", Map.of("successRate", 0.9));

        assertThat(policy.forAgent("a1").responseTimeMs()).isEqualTo(2000);
        assertThat(policy.overrides("a1")).isEqualTo(Map.of("successRate", 0.9));

        policy.override("a1", Map.of());
        assertThat(policy.forAgent("a1")).isEqualTo(Thresholds.defaults());
        assertThat(policy.overrides("a1")).isEmpty();
    }

    @Test
    void rejectsAnInvalidOverrideNamingTheAgentAndKeepsThePreviousOne() {
        policy.override("a1", Map.of("responseTimeMs", 1500.0));

        assertThatThrownBy(() -> policy.override("a1", Map.of("responseTimeMs", -5.0)))
                .hasMessage("threshold override of agent a1 rejected: threshold responseTimeMs must be > 0 ms, got -5");
        assertThat(policy.forAgent("a1").responseTimeMs()).isEqualTo(1500);
    }
}
