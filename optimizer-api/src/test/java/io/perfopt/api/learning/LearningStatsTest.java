package io.perfopt.api.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Verdict;
import org.junit.jupiter.api.Test;

class LearningStatsTest {

    @Test
    void keepsCountsMeanAndVarianceOfTheImprovement() {
        LearningStats s = LearningStats.NONE
                .after(new LearningOutcome(Verdict.IMPROVED, 30))
                .after(new LearningOutcome(Verdict.NO_EFFECT, 2))
                .after(new LearningOutcome(Verdict.DEGRADED, -20));

        assertThat(s.trials()).isEqualTo(3);
        assertThat(s.successes()).isEqualTo(1);
        assertThat(s.degradations()).isEqualTo(1);
        assertThat(s.meanImprovement()).isCloseTo(4, within(1e-9));
        assertThat(s.improvementVariance()).isCloseTo(628, within(1e-9)); // ((26² + 2² + 24²) / 2)
        assertThat(s.meanSuccessImprovement()).isEqualTo(30);
    }

    @Test
    void inconclusiveTrialsTeachNothing() {
        assertThatThrownBy(() -> new LearningOutcome(Verdict.INCONCLUSIVE, 0))
                .hasMessage("only judged verdicts teach anything, got INCONCLUSIVE");
    }

    @Test
    void anActionKeyRoundTripsThroughText() {
        ActionKey key = new ActionKey("latency-optimizer", "market-hunter", BottleneckType.RESPONSE_TIME,
                "cache.size", ChangeDirection.UP, "x2");

        assertThat(key.asText()).isEqualTo("latency-optimizer|market-hunter|RESPONSE_TIME|cache.size|UP|x2");
        assertThat(ActionKey.parse(key.asText())).isEqualTo(key);
    }
}
