package io.perfopt.benchmarks.decision;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.metric.MetricSample;
import io.perfopt.api.spi.ActuationException;
import io.perfopt.api.spi.Actuator;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.fleet.StaticAgentDirectory;
import io.perfopt.engine.window.MetricStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code size} synthetic agents, of which 90 % are healthy, 5 % slow, 3 % failing and 2 % poorly
 * coordinated (interleaved, so any prefix of the fleet has the same mix); the in-memory actuator
 * that reaches them; and the passing of time, which feeds their observations to the store.
 */
public final class SyntheticFleet implements Actuator {

    private final ManualClock clock;
    private final Map<String, SyntheticAgent> agents = new LinkedHashMap<>();

    public SyntheticFleet(ManualClock clock, int size, long seed) {
        this.clock = clock;
        for (int i = 0; i < size; i++) {
            String id = String.format("agent-%05d", i);
            agents.put(id, new SyntheticAgent(id, troubleOf(i), seed * 1_000_003L + i));
        }
    }

    static SyntheticAgent.Trouble troubleOf(int index) {
        int slot = index % 100;
        if (slot < 90) {
            return SyntheticAgent.Trouble.NONE;
        }
        if (slot < 95) {
            return SyntheticAgent.Trouble.SLOW;
        }
        return slot < 98 ? SyntheticAgent.Trouble.FAILING : SyntheticAgent.Trouble.UNCOORDINATED;
    }

    public StaticAgentDirectory directory() {
        List<AgentDescriptor> list = new ArrayList<>();
        agents.values().forEach(a -> list.add(AgentDescriptor.of(a.id, "synthetic")));
        return new StaticAgentDirectory(list);
    }

    int size() {
        return agents.size();
    }

    long troubled() {
        return agents.values().stream().filter(a -> a.trouble != SyntheticAgent.Trouble.NONE).count();
    }

    /**
     * Lets {@code duration} pass in ticks of {@code tick}: at each tick every agent reports
     * {@code latencies} response times, two values of each judged ratio and one of each other metric.
     */
    public void run(Duration duration, Duration tick, int latencies, MetricStore store) {
        run(duration, tick, latencies, 2, store);
    }

    /** The same with {@code ratioReadings} values of the success rate and coordination per tick. */
    public void run(Duration duration, Duration tick, int latencies, int ratioReadings, MetricStore store) {
        long ticks = duration.toMillis() / tick.toMillis();
        List<MetricSample> batch = new ArrayList<>(64);
        for (long t = 0; t < ticks; t++) {
            Instant now = clock.advance(tick);
            for (SyntheticAgent agent : agents.values()) {
                batch.clear();
                agent.observe(latencies, ratioReadings,
                        (id, metric, value) -> batch.add(new MetricSample(id, metric, value, now)));
                store.recordAll(batch);
            }
        }
    }

    @Override
    public List<Knob> readKnobs(String agentId) throws ActuationException {
        return agent(agentId).knobs();
    }

    @Override
    public Knob apply(String agentId, Knob knob, double value) throws ActuationException {
        SyntheticAgent agent = agent(agentId);
        agent.set(knob.name(), value);
        return agent.knob(knob.name());
    }

    private SyntheticAgent agent(String agentId) throws ActuationException {
        SyntheticAgent agent = agents.get(agentId);
        if (agent == null) {
            throw new ActuationException(agentId, "unknown agent");
        }
        return agent;
    }
}
