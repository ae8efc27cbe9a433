package io.perfopt.simulator;

import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.agent.AgentReading;
import io.perfopt.simulator.agent.SimulatedAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test saw of one agent over a stretch of virtual time, read through the agent's
 * inspection cursor every 30 s: the mean of each metric over the reads, and the pooled
 * response-time samples.
 */
public final class Observation {

    private final Map<String, List<Double>> values = new HashMap<>();
    private final List<Double> latencies = new ArrayList<>();

    /** Skips what happened so far, then watches the agent for {@code span} of virtual time. */
    public static Observation watch(SimulatedAgent agent, ManualClock clock, Duration span) {
        agent.inspect();
        Observation observation = new Observation();
        Duration step = Duration.ofSeconds(30);
        for (Duration seen = Duration.ZERO; seen.compareTo(span) < 0; seen = seen.plus(step)) {
            clock.advance(step);
            AgentReading reading = agent.inspect();
            reading.metrics().metrics().forEach((k, v) -> observation.values.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(v));
            observation.latencies.addAll(reading.metrics().samples().getOrDefault("responseTimeMs", List.of()));
        }
        return observation;
    }

    /** The mean of a metric over the reads. */
    public double mean(String metric) {
        List<Double> seen = values.getOrDefault(metric, List.of());
        if (seen.isEmpty()) {
            throw new AssertionError("no " + metric + " was reported; saw " + values.keySet());
        }
        return seen.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The 95th percentile of the pooled response-time samples. */
    public double p95ResponseTime() {
        List<Double> sorted = latencies.stream().sorted().toList();
        if (sorted.isEmpty()) {
            throw new AssertionError("no response time samples were reported");
        }
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }

    @Override
    public String toString() {
        Map<String, String> means = new java.util.TreeMap<>();
        values.keySet().forEach(k -> means.put(k, String.format("%.3f", mean(k))));
        return "p95=" + (latencies.isEmpty() ? "-" : String.format("%.0f", p95ResponseTime())) + " " + means;
    }
}
