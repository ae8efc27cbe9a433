package io.perfopt.integration.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketQuantileTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void interpolatesLinearlyWithinTheBucketHoldingTheRank() {
        // rank 0.9 × 144320 = 129888 lies in (0.5, 1] holding 129389..133988
        double p90 = BucketQuantile.estimate(0.9, Map.of(0.05, 24054.0, 0.1, 33444.0, 0.2, 100392.0, 0.5, 129389.0,
                1.0, 133988.0, INF, 144320.0));

        assertThat(p90).isEqualTo(0.5 + 0.5 * (129888.0 - 129389.0) / (133988.0 - 129389.0));
    }

    @Test
    void startsTheFirstBucketAtZero() {
        assertThat(BucketQuantile.estimate(0.5, Map.of(2.0, 10.0, 4.0, 10.0, INF, 10.0))).isEqualTo(1.0);
    }

    @Test
    void answersTheLargestFiniteBoundWhenTheRankFallsIntoTheInfBucket() {
        assertThat(BucketQuantile.estimate(0.99, Map.of(1.0, 50.0, 2.0, 90.0, INF, 100.0))).isEqualTo(2.0);
    }

    @Test
    void evensOutCumulativeCountsThatDip() {
        // 2.0 reports 40 < 50: treated as 50, so rank 50 is reached within (0, 1]
        assertThat(BucketQuantile.estimate(0.5, Map.of(1.0, 50.0, 2.0, 40.0, INF, 100.0))).isEqualTo(1.0);
    }

    @Test
    void hasNoAnswerWithoutObservationsOrWithoutTheInfBucket() {
        assertThat(BucketQuantile.estimate(0.5, Map.of(1.0, 0.0, INF, 0.0))).isNaN();
        assertThatThrownBy(() -> BucketQuantile.estimate(0.5, Map.of(1.0, 3.0)))
                .hasMessage("the histogram has no +Inf bucket");
        assertThatThrownBy(() -> BucketQuantile.estimate(0.5, Map.of(INF, 3.0)))
                .hasMessage("the histogram has only the +Inf bucket");
    }
}
