package io.perfopt.api.metric;

import io.perfopt.api.Require;
import java.time.Instant;

/**
 * One observation of one metric of one agent. Construction validates the value against the
 * metric's {@link MetricKind}: NaN, infinities, a rate outside 0..1 or a negative duration are
 * rejected with a message naming the agent, the metric and the value, so that nothing invalid
 * ever reaches detection.
 *
 * @param agentId   the agent observed
 * @param metric    the metric name, standard or not
 * @param value     the observed value
 * @param timestamp when it was observed
 */
public record MetricSample(String agentId, String metric, double value, Instant timestamp) {

    public MetricSample {
        Require.notBlank("agentId", agentId);
        Require.notBlank("metric name", metric);
        Require.notNull("timestamp", timestamp);
        StandardMetric.kindOf(metric).check("metric " + metric + " of agent " + agentId, value);
    }
}
