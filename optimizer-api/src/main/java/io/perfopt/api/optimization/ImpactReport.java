package io.perfopt.api.optimization;

import io.perfopt.api.Require;
import java.util.Map;

/**
 * The seed's impact report, computed from verdicts only.
 *
 * @param total                 judged strategies (improved, no effect, inconclusive, degraded, failed)
 * @param successful            strategies kept because they improved their target
 * @param successRate           successful / total; 0 when total is 0
 * @param overallImprovement    mean measured improvement of the kept strategies, percent
 * @param categoryImprovements  the same mean per bottleneck type
 */
public record ImpactReport(int total, int successful, double successRate, double overallImprovement,
                           Map<BottleneckType, Double> categoryImprovements) {

    public ImpactReport {
        Require.nonNegative("total", total);
        Require.nonNegative("successful", successful);
        if (successful > total) {
            throw new IllegalArgumentException("successful " + successful + " exceeds total " + total);
        }
        Require.between("successRate", successRate, 0, 1);
        Require.finite("overallImprovement", overallImprovement);
        categoryImprovements = categoryImprovements == null ? Map.of() : Map.copyOf(categoryImprovements);
    }

    /** The report of no strategies at all. */
    public static ImpactReport empty() {
        return new ImpactReport(0, 0, 0, 0, Map.of());
    }
}
