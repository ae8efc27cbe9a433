package io.perfopt.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentSlopeTest {

    private final RecentSlope slope = new RecentSlope();

    @Test
    void computesTheLeastSquaresSlopeAndItsTStatisticByHand() {
        double[] values = {1, 3, 2, 5, 4};
        for (int i = 0; i < values.length; i++) {
            slope.add(i * 10, values[i]);
        }

        // per step: Sxy = 8, Sxx = 10, slope 0.8; residual SS 3.6, s^2 = 1.2, SE = sqrt(0.12), t = 2.309
        assertThat(slope.slope()).isCloseTo(0.08, within(1e-12));
        assertThat(slope.tStatistic()).isCloseTo(0.8 / Math.sqrt(0.12), within(1e-9));
        assertThat(slope.meanIntervalSeconds()).isEqualTo(10);
        assertThat(slope.significant()).as("t 2.3 on 3 degrees of freedom is noise").isFalse();
    }

    @Test
    void aPerfectLineIsSignificantAndAFlatLineIsNot() {
        RecentSlope flat = new RecentSlope();
        for (int i = 0; i < 5; i++) {
            slope.add(i, 100 + 3 * i);
            flat.add(i, 7);
        }

        assertThat(slope.significant()).isTrue();
        assertThat(flat.tStatistic()).isZero();
        assertThat(flat.significant()).isFalse();
    }

    @Test
    void keepsOnlyTheMostRecentObservations() {
        for (int i = 0; i < RecentSlope.CAPACITY; i++) {
            slope.add(i, 0); // flat history ...
        }
        for (int i = 0; i < RecentSlope.CAPACITY; i++) {
            slope.add(RecentSlope.CAPACITY + i, 5 * i); // ... pushed out by a ramp
        }

        assertThat(slope.size()).isEqualTo(RecentSlope.CAPACITY);
        assertThat(slope.slope()).isCloseTo(5, within(1e-9));
    }

    @Test
    void noiseAroundALevelIsNotSignificant() {
        Random noise = new Random(1);
        for (int i = 0; i < 50; i++) {
            slope.add(i * 30, 1000 + noise.nextGaussian() * 50);
            assertThat(slope.significant()).as("observation %d", i).isFalse();
        }
    }
}
