package io.perfopt.engine.testing;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake agents, the actuator that reaches them, and the passing of time: {@link #run(Duration)}
 * advances the manual clock second by second and feeds each agent's observations to the store.
 */
public final class FakeFleet implements Actuator {

    private final ManualClock clock;
    private final Map<String, FakeAgent> agents = new LinkedHashMap<>();
    private final List<String> applied = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private MetricStore store;
    private int samplesPerSecond = 2;

    public FakeFleet(ManualClock clock) {
        this.clock = clock;
    }

    public FakeAgent add(String id, long seed) {
        FakeAgent agent = new FakeAgent(id, seed);
        agents.put(id, agent);
        return agent;
    }

    public FakeAgent agent(String id) {
        return agents.get(id);
    }

    public StaticAgentDirectory directory() {
        return new StaticAgentDirectory(agents.keySet().stream().map(id -> AgentDescriptor.of(id, "fake")).toList());
    }

    public void feed(MetricStore target) {
        this.store = target;
    }

    public FakeFleet samplesPerSecond(int value) {
        samplesPerSecond = value;
        return this;
    }

    /** The next {@code count} knob changes fail, as an agent answering 500 would. */
    public void failNextApplies(int count) {
        failuresLeft.set(count);
    }

    /** Every knob change applied, as "agent:knob=value". */
    public List<String> applied() {
        return List.copyOf(applied);
    }

    /** Advances time by whole seconds, each second observing every non-silent agent. */
    public void run(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            Instant now = clock.advance(Duration.ofSeconds(1));
            for (FakeAgent agent : agents.values()) {
                if (agent.silent()) {
                    continue;
                }
                agent.observe(samplesPerSecond).forEach((metric, values) -> {
                    for (double v : values) {
                        store.record(new MetricSample(agent.id(), metric, v, now));
                    }
                });
            }
        }
    }

    @Override
    public List<Knob> readKnobs(String agentId) throws ActuationException {
        FakeAgent agent = agents.get(agentId);
        if (agent == null) {
            throw new ActuationException(agentId, "unknown agent");
        }
        return agent.knobs();
    }

    @Override
    public Knob apply(String agentId, Knob knob, double value) throws ActuationException {
        FakeAgent agent = agents.get(agentId);
        if (agent == null) {
            throw new ActuationException(agentId, "unknown agent");
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ActuationException(agentId, "agent answered 500 for " + knob.name());
        }
        agent.set(knob.name(), value);
        applied.add(agentId + ":" + knob.name() + "=" + knob.format(value));
        return agent.knob(knob.name());
    }
}
