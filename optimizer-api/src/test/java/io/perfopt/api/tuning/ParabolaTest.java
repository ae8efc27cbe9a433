package io.perfopt.api.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParabolaTest {

    @Test
    void findsTheMinimumOfAnExactParabola() {
        // f(u) = (u − 0.3)² + 1, relative to f(0) = 1.09
        double f0 = 1.09;
        double vertex = Parabola.vertex(-1, (1.69 + 1) / f0, 0, 1, (0.49 + 1) / f0).orElseThrow();

        assertThat(vertex).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void staysATenthOfTheBracketAwayFromItsEnds() {
        double vertex = Parabola.vertex(0, 1.0001, 1, 2, 5).orElseThrow();

        assertThat(vertex).isGreaterThanOrEqualTo(0.2);
    }

    @Test
    void hasNoMinimumWhenThePointsCurveDownward() {
        assertThat(Parabola.vertex(-1, 0.9, 0, 1, 0.8)).isEmpty();
    }
}
