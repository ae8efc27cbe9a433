package io.perfopt.api.optimization;

import io.perfopt.api.Require;
import io.perfopt.api.metric.MetricSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What became of a strategy, with the evidence. Every number here is computed from observed
 * samples: {@code actualImprovement} is the Hodges–Lehmann shift relative to the median before,
 * signed so that positive is better; it is 0 where nothing was measured (failed, rejected).
 *
 * @param strategy          the strategy judged
 * @param verdict           the outcome
 * @param before            the target metric before the change; null when not measured
 * @param after             the target metric after the change; null when not measured
 * @param actualImprovement measured improvement of the target metric, percent, positive is better
 * @param pValue            two-sided Mann–Whitney U p-value; null when no test ran
 * @param shift             Hodges–Lehmann shift with its interval; null when no test ran
 * @param executionTime     from applying the change to the verdict
 * @param issues            what went wrong or was noticed: guardrail breaches, actuator errors
 * @param timestamp         when the verdict was reached
 * @param explanation       one plain sentence saying what was done, what was seen and why
 * @param beforeSamples     the target metric's samples before (capped), for charts
 * @param afterSamples      the target metric's samples after (capped), for charts
 */
public record OptimizationResult(OptimizationStrategy strategy, Verdict verdict, MetricSummary before,
                                 MetricSummary after, double actualImprovement, Double pValue, ShiftEstimate shift,
                                 Duration executionTime, List<String> issues, Instant timestamp, String explanation,
                                 List<Double> beforeSamples, List<Double> afterSamples) {

    public OptimizationResult {
        Require.notNull("strategy", strategy);
        Require.notNull("verdict", verdict);
        Require.finite("actualImprovement", actualImprovement);
        if (pValue != null) {
            Require.between("pValue", pValue, 0, 1);
        }
        Require.nonNegative("executionTime", executionTime);
        issues = issues == null ? List.of() : List.copyOf(issues);
        Require.notNull("timestamp", timestamp);
        Require.notBlank("explanation", explanation);
        beforeSamples = beforeSamples == null ? List.of() : List.copyOf(beforeSamples);
        afterSamples = afterSamples == null ? List.of() : List.copyOf(afterSamples);
    }

    /** Whether the change stays applied. */
    public boolean kept() {
        return verdict.kept();
    }
}
