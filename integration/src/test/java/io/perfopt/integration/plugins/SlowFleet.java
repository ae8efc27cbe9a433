package io.perfopt.integration.plugins;

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
import java.util.Random;

/**
 * In-memory agents whose responses are slow until their cache grows, and the actuator that
 * turns their knobs:
 *
 * <pre>
 *   response time = 900 + 2500·e^(−cache/250) + 40·|threads − 8|   ms, ±10 % seeded noise
 * </pre>
 *
 * {@link #run} moves the manual clock second by second and records two samples of each metric
 * per agent per second into the engine's metric store.
 */
final class SlowFleet implements Actuator {

    private final ManualClock clock;
    private final Map<String, Map<String, Knob>> agents = new LinkedHashMap<>();
    private final Map<String, Random> noise = new LinkedHashMap<>();
    private final List<String> applied = new ArrayList<>();
    private MetricStore store;

    SlowFleet(ManualClock clock, String... ids) {
        this.clock = clock;
        long seed = 1;
        for (String id : ids) {
            Map<String, Knob> knobs = new LinkedHashMap<>();
            knobs.put("cache.size", Knob.ofInt("cache.size", 0, 5000, 100, "latency", "cache", "resource"));
            knobs.put("worker.threads", Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency"));
            agents.put(id, knobs);
            noise.put(id, new Random(seed++));
        }
    }

    StaticAgentDirectory directory() {
        return new StaticAgentDirectory(agents.keySet().stream().map(id -> AgentDescriptor.of(id, "slow")).toList());
    }

    void feed(MetricStore target) {
        store = target;
    }

    synchronized List<String> applied() {
        return List.copyOf(applied);
    }

    void run(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            Instant now = clock.advance(Duration.ofSeconds(1));
            agents.keySet().forEach(id -> observe(id, now));
        }
    }

    private synchronized void observe(String id, Instant now) {
        Map<String, Knob> knobs = agents.get(id);
        Random random = noise.get(id);
        double rt = 900 + 2500 * Math.exp(-knobs.get("cache.size").value() / 250)
                + 40 * Math.abs(knobs.get("worker.threads").value() - 8);
        for (int i = 0; i < 2; i++) {
            store.record(new MetricSample(id, "responseTimeMs", rt * (1 + 0.1 * (random.nextDouble() * 2 - 1)), now));
        }
        store.record(new MetricSample(id, "successRate", 0.9 + 0.02 * random.nextGaussian() / 3, now));
        store.record(new MetricSample(id, "decisionCount", 100 + random.nextInt(5), now));
        store.record(new MetricSample(id, "coordinationScore", 0.8, now));
    }

    @Override
    public synchronized List<Knob> readKnobs(String agentId) throws ActuationException {
        return List.copyOf(knobsOf(agentId).values());
    }

    @Override
    public synchronized Knob apply(String agentId, Knob knob, double value) throws ActuationException {
        Knob changed = knobsOf(agentId).get(knob.name()).withValue(value);
        knobsOf(agentId).put(knob.name(), changed);
        applied.add(agentId + ":" + knob.name() + "=" + knob.format(value));
        return changed;
    }

    private Map<String, Knob> knobsOf(String agentId) throws ActuationException {
        Map<String, Knob> knobs = agents.get(agentId);
        if (knobs == null) {
            throw new ActuationException(agentId, "unknown agent");
        }
        return knobs;
    }
}
