package io.perfopt.integration.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.perfopt.api.metric.MetricSample;
import io.perfopt.integration.collect.SampleSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples of one agent that arrived on another member, run on the agent's owner to record them
 * into its windows. Carries plain values only (names, numbers, times), so no plugin or model
 * class is needed to move it.
 */
public final class ForwardedSamples implements Runnable, HazelcastInstanceAware {

    private static final Logger log = LoggerFactory.getLogger(ForwardedSamples.class);

    final String agentId;
    final String[] metrics;
    final double[] values;
    final long[] epochSeconds;
    final int[] nanos;
    private transient HazelcastInstance member;

    ForwardedSamples(String agentId, String[] metrics, double[] values, long[] epochSeconds, int[] nanos) {
        this.agentId = agentId;
        this.metrics = metrics;
        this.values = values;
        this.epochSeconds = epochSeconds;
        this.nanos = nanos;
    }

    /** The samples, which must all be of {@code agentId}. */
    public static ForwardedSamples of(String agentId, List<MetricSample> samples) {
        int n = samples.size();
        String[] metrics = new String[n];
        double[] values = new double[n];
        long[] seconds = new long[n];
        int[] nanos = new int[n];
        for (int i = 0; i < n; i++) {
            MetricSample s = samples.get(i);
            if (!s.agentId().equals(agentId)) {
                throw new IllegalArgumentException("a sample of agent " + s.agentId() + " among those of " + agentId);
            }
            metrics[i] = s.metric();
            values[i] = s.value();
            seconds[i] = s.timestamp().getEpochSecond();
            nanos[i] = s.timestamp().getNano();
        }
        return new ForwardedSamples(agentId, metrics, values, seconds, nanos);
    }

    /** The samples again. */
    public List<MetricSample> samples() {
        List<MetricSample> samples = new ArrayList<>(metrics.length);
        for (int i = 0; i < metrics.length; i++) {
            samples.add(new MetricSample(agentId, metrics[i], values[i], Instant.ofEpochSecond(epochSeconds[i], nanos[i])));
        }
        return samples;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.member = instance;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        Object holder = member == null ? null : member.getUserContext().get(ClusterMaps.LOCAL_SAMPLES);
        SampleSink sink = holder instanceof AtomicReference<?> ref ? ((AtomicReference<SampleSink>) ref).get() : null;
        if (sink == null) {
            throw new IllegalStateException("samples of agent " + agentId + " reached a member whose engine is not "
                    + "running yet");
        }
        sink.accept(agentId, samples());
        log.debug("agent {}: {} forwarded samples recorded", agentId, metrics.length);
    }
}
