package io.perfopt.integration.cluster;

import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.IExecutorService;
import io.perfopt.api.metric.MetricSample;
import io.perfopt.integration.collect.SampleSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where pushed or polled samples go in a cluster: into this member's windows when it owns the
 * agent's partition, else to the owner (run there as {@link ForwardedSamples}). Should the
 * owner be unreachable (it is leaving), the samples are kept here rather than lost: this member
 * may be the next owner.
 */
public final class ForwardingSampleSink implements SampleSink {

    private static final Logger log = LoggerFactory.getLogger(ForwardingSampleSink.class);

    private final PartitionOwnership ownership;
    private final SampleSink local;
    private final IExecutorService executor;

    public ForwardingSampleSink(PartitionOwnership ownership, SampleSink local, IExecutorService executor) {
        this.ownership = ownership;
        this.local = local;
        this.executor = executor;
    }

    @Override
    public void accept(String agentId, List<MetricSample> samples) {
        if (ownership.partitionIsLocal(agentId)) {
            local.accept(agentId, samples);
            return;
        }
        executor.submitToKeyOwner(ForwardedSamples.of(agentId, samples), agentId, new ExecutionCallback<Object>() {
            @Override
            public void onResponse(Object response) {
                log.debug("agent {}: {} samples forwarded to its owner", agentId, samples.size());
            }

            @Override
            public void onFailure(Throwable t) {
                log.warn("agent {}: {} samples could not reach its owner ({}); kept on this member", agentId,
                        samples.size(), t.toString());
                local.accept(agentId, samples);
            }
        });
    }
}
