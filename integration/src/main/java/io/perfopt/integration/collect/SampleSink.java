package io.perfopt.integration.collect;

import io.perfopt.api.metric.MetricSample;
import java.util.List;

/**
 * Where accepted samples go: the local metric windows on a single node; in a cluster, the
 * windows of the member that owns the agent, wherever the samples arrived.
 */
@FunctionalInterface
public interface SampleSink {

    void accept(String agentId, List<MetricSample> samples);
}
