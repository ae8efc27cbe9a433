package io.perfopt.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void quotesTheMedianWithTheQuartilesOfType7() {
        Spread s = Spread.of(5, 1, 4, 2, 3);

        assertThat(s.median()).isEqualTo(3);
        assertThat(s.p25()).isEqualTo(2);
        assertThat(s.p75()).isEqualTo(4);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(5);
        assertThat(Spread.of(1, 2).median()).isCloseTo(1.5, within(1e-12));
        assertThat(s.describe("%.1f")).isEqualTo("3.0 (IQR 2.0–4.0, n 5)");
    }

    @Test
    void anEmptySpreadIsNotANumber() {
        assertThat(Spread.of().median()).isNaN();
    }
}
