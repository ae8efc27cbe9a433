package io.perfopt.engine.detect;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.engine.window.MetricsSnapshot;

/** Window summaries as a test states them: just the statistic that matters, and a sample count. */
final class Summaries {

    private Summaries() {
    }

    /** A response-time window whose p95 is {@code p95}; its other statistics are spread around it. */
    static MetricSummary latency(double p95, long samples) {
        return new MetricSummary("responseTimeMs", samples, p95 * 0.8, p95 * 0.3, p95 * 0.7, p95, p95 * 1.1,
                p95 * 1.2);
    }

    /** A window of a ratio metric whose mean is {@code mean}. */
    static MetricSummary ratio(String metric, double mean, long samples) {
        return new MetricSummary(metric, samples, mean, mean, mean, mean, mean, mean);
    }

    static AgentMetrics metrics(MetricSummary... summaries) {
        return MetricsSnapshot.of(summaries);
    }
}
