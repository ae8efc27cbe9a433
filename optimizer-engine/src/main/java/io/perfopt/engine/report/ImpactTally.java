package io.perfopt.engine.report;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.ImpactReport;
import io.perfopt.api.optimization.OptimizationResult;
import java.util.EnumMap;
import java.util.Map;

/**
 * The seed's impact report, kept as running sums over every executed strategy since start.
 *
 * <pre>
 *   total               = executed strategies (improved, no effect, inconclusive, degraded, failed)
 *   successRate         = kept / total
 *   overallImprovement  = mean measured improvement of the kept strategies
 *   per category        = the same mean per bottleneck type
 * </pre>
 */
public final class ImpactTally {

    private int total;
    private int successful;
    private double keptImprovementSum;
    private final Map<BottleneckType, double[]> perCategory = new EnumMap<>(BottleneckType.class);

    /** Counts a result; approvals and rejections are not executed and do not count. */
    public synchronized void add(OptimizationResult result) {
        if (!result.verdict().executed()) {
            return;
        }
        total++;
        if (result.kept()) {
            successful++;
            keptImprovementSum += result.actualImprovement();
            double[] sums = perCategory.computeIfAbsent(result.strategy().type(), t -> new double[2]);
            sums[0] += result.actualImprovement();
            sums[1]++;
        }
    }

    /** The report so far. */
    public synchronized ImpactReport report() {
        Map<BottleneckType, Double> categories = new EnumMap<>(BottleneckType.class);
        perCategory.forEach((type, sums) -> categories.put(type, sums[0] / sums[1]));
        return new ImpactReport(total, successful, total == 0 ? 0 : (double) successful / total,
                successful == 0 ? 0 : keptImprovementSum / successful, categories);
    }
}
