package io.perfopt.integration.persist;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored verdict with its evidence, as {@code GET /api/history} answers it.
 *
 * @param strategy          the strategy's id
 * @param agent             the agent changed
 * @param plugin            the plugin that proposed it
 * @param type              the bottleneck type it addressed
 * @param targetMetric      the metric it was judged on
 * @param changes           the knob changes, {@code [{"knob", "from", "to"}]}
 * @param verdict           the outcome
 * @param kept              whether the change stayed applied
 * @param before            the target metric's window before; null when not measured
 * @param after             the target metric's window after; null when not measured
 * @param actualImprovement measured improvement, percent, positive is better
 * @param pValue            Mann–Whitney U p-value; null when no test ran
 * @param shift             Hodges–Lehmann shift and interval; null when no test ran
 * @param executionTimeMs   from applying the change to the verdict
 * @param explanation       the plain sentence saying why
 * @param decidedAt         when the verdict was reached
 */
public record HistoryResult(String strategy, String agent, String plugin, String type, String targetMetric,
                            JsonNode changes, String verdict, boolean kept, Window before, Window after,
                            double actualImprovement, Double pValue, Shift shift, double executionTimeMs,
                            String explanation, Instant decidedAt) {

    /** A window summary of the target metric. */
    public record Window(long count, double mean, double p50, double p95, double p99) {
    }

    /** The Hodges–Lehmann shift with its confidence interval. */
    public record Shift(double shift, double lower, double upper, double confidence) {
    }
}
