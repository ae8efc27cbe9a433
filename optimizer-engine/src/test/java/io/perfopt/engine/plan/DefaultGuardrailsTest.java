package io.perfopt.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultGuardrailsTest {

    @Test
    void aLatencyFixIsGuardedOnSuccessRate() {
        assertThat(DefaultGuardrails.merge(BottleneckType.RESPONSE_TIME, "responseTimeMs", List.of()))
                .containsExactly(new Guardrail("successRate", 10));
    }

    @Test
    void thePluginsOwnGuardrailReplacesTheDefaultAndAddsToIt() {
        assertThat(DefaultGuardrails.merge(BottleneckType.SUCCESS_RATE, "successRate",
                List.of(new Guardrail("decisionCount", 5), new Guardrail("memory", 30))))
                .containsExactly(new Guardrail("responseTimeMs", 20), new Guardrail("decisionCount", 5),
                        new Guardrail("memory", 30));
    }

    @Test
    void theTargetIsNeverItsOwnGuardrail() {
        assertThat(DefaultGuardrails.merge(BottleneckType.RESOURCE_PRESSURE, "responseTimeMs", List.of()))
                .extracting(Guardrail::metric).containsExactly("successRate");
    }
}
