package io.perfopt.engine.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.api.optimization.Verdict;
import org.junit.jupiter.api.Test;

class ThompsonSamplerTest {

    private static LearningStats record(int kept, int noEffect, double gain) {
        LearningStats stats = LearningStats.NONE;
        for (int i = 0; i < kept; i++) {
            stats = stats.after(new LearningOutcome(Verdict.IMPROVED, gain));
        }
        for (int i = 0; i < noEffect; i++) {
            stats = stats.after(new LearningOutcome(Verdict.NO_EFFECT, 0.5));
        }
        return stats;
    }

    @Test
    void anActionThatWorkedWinsMostDraws() {
        ThompsonSampler sampler = new ThompsonSampler(3);
        LearningStats worked = record(4, 1, 30);
        LearningStats failed = record(0, 5, 30);

        int wins = 0;
        for (int i = 0; i < 1000; i++) {
            if (sampler.sample(worked, 0.5, 20) > sampler.sample(failed, 0.5, 20)) {
                wins++;
            }
        }

        assertThat(wins).isGreaterThan(950);
    }

    @Test
    void anUntriedActionKeepsAChanceAgainstAMediocreOne() {
        ThompsonSampler sampler = new ThompsonSampler(3);
        LearningStats mediocre = record(1, 3, 20);

        int untriedWins = 0;
        for (int i = 0; i < 1000; i++) {
            if (sampler.sample(LearningStats.NONE, 0.5, 20) > sampler.sample(mediocre, 0.5, 20)) {
                untriedWins++;
            }
        }

        assertThat(untriedWins).isBetween(400, 900);
    }

    @Test
    void theFirstExpectationIsTheGuessAndThenTheLearnedGain() {
        assertThat(ThompsonSampler.estimate(LearningStats.NONE, 0.5, 28)).isEqualTo(28);
        // 3 kept of 4, prior 0.5 (one pseudo success, one pseudo failure): (3+1)/(4+2) × mean gain 40
        assertThat(ThompsonSampler.estimate(record(3, 1, 40), 0.5, 28)).isCloseTo(26.67, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        assertThat(new ThompsonSampler(9).sample(LearningStats.NONE, 0.5, 10))
                .isEqualTo(new ThompsonSampler(9).sample(LearningStats.NONE, 0.5, 10));
    }
}
