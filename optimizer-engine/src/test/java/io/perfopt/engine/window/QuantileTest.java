package io.perfopt.engine.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileTest {

    @Test
    void interpolatesLinearlyBetweenTheTwoClosestRanks() {
        double[] sorted = {10, 20, 30, 40, 50};

        assertThat(Quantile.ofSorted(sorted, 5, 0.50)).isEqualTo(30);
        assertThat(Quantile.ofSorted(sorted, 5, 0.95)).isEqualTo(48); // h = 3.8
        assertThat(Quantile.ofSorted(sorted, 5, 0.99)).isCloseTo(49.6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Quantile.ofSorted(sorted, 5, 0.0)).isEqualTo(10);
        assertThat(Quantile.ofSorted(sorted, 5, 1.0)).isEqualTo(50);
    }

    @Test
    void theMedianOfAnEvenSampleIsTheMiddleAverageAndASampleOfOneIsItself() {
        assertThat(Quantile.ofSorted(new double[] {1, 2, 3, 4}, 4, 0.5)).isEqualTo(2.5);
        assertThat(Quantile.ofSorted(new double[] {7}, 1, 0.99)).isEqualTo(7);
    }

    @Test
    void quickselectAgreesWithSortingOnRandomDataWithDuplicates() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 1; n <= 300; n += 7) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(40); // plenty of ties
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {0, 0.01, 0.5, 0.95, 0.99, 1}) {
                assertThat(Quantile.select(values.clone(), n, p)).as("n=%d p=%s", n, p)
                        .isEqualTo(BruteForce.type7(sorted, p));
            }
        }
    }

    @Test
    void eachSelectionSearchingAboveThePreviousRankAgreesWithSorting() {
        SplittableRandom random = new SplittableRandom(12);
        for (int n = 1; n <= 300; n += 3) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(3) == 0 ? 7 : random.nextGaussian(); // ties and spread
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] split = values.clone();

            double p50 = Quantile.select(split, 0, n, 0.50);
            double p95 = Quantile.select(split, Quantile.lowerRank(n, 0.50), n, 0.95);
            double p99 = Quantile.select(split, Quantile.lowerRank(n, 0.95), n, 0.99);

            assertThat(p50).as("p50, n=%d", n).isEqualTo(BruteForce.type7(sorted, 0.50));
            assertThat(p95).as("p95, n=%d", n).isEqualTo(BruteForce.type7(sorted, 0.95));
            assertThat(p99).as("p99, n=%d", n).isEqualTo(BruteForce.type7(sorted, 0.99));
        }
    }

    @Test
    void refusesARankBelowTheSplit() {
        double[] values = {1, 2, 3, 4, 5};

        assertThatThrownBy(() -> Quantile.select(values, 3, 5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the split at 3");
    }

    @Test
    void quickselectSurvivesAdversarialOrders() {
        int n = 10_001;
        double[] ascending = new double[n];
        double[] organPipe = new double[n];
        for (int i = 0; i < n; i++) {
            ascending[i] = i;
            organPipe[i] = Math.min(i, n - i);
        }
        assertThat(Quantile.select(ascending.clone(), n, 0.95)).isEqualTo(9500);
        double[] sorted = organPipe.clone();
        Arrays.sort(sorted);
        assertThat(Quantile.select(organPipe, n, 0.5)).isEqualTo(BruteForce.type7(sorted, 0.5));
    }

    @Test
    void rejectsAnEmptySampleAndProbabilitiesOutsideZeroToOne() {
        assertThatThrownBy(() -> Quantile.ofSorted(new double[0], 0, 0.5))
                .hasMessageContaining("quantile sample size must be >= 1, got 0");
        assertThatThrownBy(() -> Quantile.ofSorted(new double[] {1}, 1, 1.5))
                .hasMessageContaining("quantile probability p must be within 0..1, got 1.5");
    }

    @Test
    void summariesOfAnArrayLeaveTheCallersArrayInItsOrder() {
        double[] values = {5, 1, 4, 2, 3};

        var summary = MetricSummaries.of("m", values).orElseThrow();

        assertThat(values).containsExactly(5, 1, 4, 2, 3);
        assertThat(summary).isEqualTo(BruteForce.summary("m", values));
        assertThat(MetricSummaries.of("m", new double[0])).isEmpty();
    }
}
