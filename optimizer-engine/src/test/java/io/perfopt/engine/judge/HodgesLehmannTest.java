package io.perfopt.engine.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.optimization.ShiftEstimate;
import org.junit.jupiter.api.Test;

class HodgesLehmannTest {

    @Test
    void theShiftIsTheMedianOfThePairwiseDifferences() {
        // differences after − before: {9,8,7, 19,18,17, 29,28,27} → median 18
        ShiftEstimate s = HodgesLehmann.estimate(new double[] {1, 2, 3}, new double[] {10, 20, 30}, 0.95);

        assertThat(s.shift()).isEqualTo(18);
    }

    @Test
    void aPureShiftIsRecoveredWithAnIntervalAroundIt() {
        double[] before = new double[30];
        double[] after = new double[30];
        for (int i = 0; i < 30; i++) {
            before[i] = i;
            after[i] = i + 50;
        }

        ShiftEstimate s = HodgesLehmann.estimate(before, after, 0.95);

        assertThat(s.shift()).isEqualTo(50);
        assertThat(s.lower()).isLessThan(50).isGreaterThan(30);
        assertThat(s.upper()).isGreaterThan(50).isLessThan(70);
        assertThat(s.excludesZero()).isTrue();
    }

    @Test
    void overlappingSamplesGiveAnIntervalThatIncludesZero() {
        ShiftEstimate s = HodgesLehmann.estimate(new double[] {1, 5, 9, 3, 7, 2, 8, 4},
                new double[] {2, 6, 8, 3, 7, 1, 9, 5}, 0.95);

        assertThat(s.excludesZero()).isFalse();
        assertThat(s.shift()).isCloseTo(0, within(1.0));
    }
}
