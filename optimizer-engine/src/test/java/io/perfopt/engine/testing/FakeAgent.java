package io.perfopt.engine.testing;

import io.perfopt.api.knob.Knob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An in-memory agent whose metrics really respond to its knobs: a deterministic response
 * function plus seeded noise.
 *
 * <pre>
 *   response time  = 900 + 2500·e^(−cache/250) + 40·|threads − 8| + drift   (ms, ×(1 ± 10 %) noise)
 *   success rate   = 0.95 − 0.9·|confidence − 0.55|                      (± 0.02 noise)
 *   coordination   = 0.75                                                (± 0.02 noise)
 *   log.verbosity  does nothing
 * </pre>
 */
public final class FakeAgent {

    private final String id;
    private final Random random;
    private final Map<String, Knob> knobs = new LinkedHashMap<>();
    private double driftMsPerTick;
    private double drift;
    private boolean silent;

    public FakeAgent(String id, long seed) {
        this.id = id;
        this.random = new Random(seed);
        put(Knob.ofInt("cache.size", 0, 5000, 100, "latency", "cache", "resource"));
        put(Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency"));
        put(Knob.ofDouble("confidence.threshold", 0.3, 0.95, 0.55, "confidence", "success"));
        put(Knob.ofInt("log.verbosity", 0, 10, 3, "latency"));
    }

    public String id() {
        return id;
    }

    public synchronized List<Knob> knobs() {
        return List.copyOf(knobs.values());
    }

    public synchronized Knob knob(String name) {
        return knobs.get(name);
    }

    public synchronized void set(String name, double value) {
        put(knobs.get(name).withValue(value));
    }

    /** Adds this many ms to the response time on every tick from now on. */
    public synchronized void drift(double msPerTick) {
        driftMsPerTick = msPerTick;
    }

    /** Stops (or resumes) reporting metrics, as a dead or unreachable agent would. */
    public synchronized void silent(boolean value) {
        silent = value;
    }

    public synchronized boolean silent() {
        return silent;
    }

    /** The noise-free response time at the current knobs. */
    public synchronized double trueResponseTime() {
        double cache = knobs.get("cache.size").value();
        double threads = knobs.get("worker.threads").value();
        return 900 + 2500 * Math.exp(-cache / 250) + 40 * Math.abs(threads - 8) + drift;
    }

    /** One tick of observations: several response times and one value of each rate. */
    synchronized Map<String, double[]> observe(int samples) {
        drift += driftMsPerTick;
        double rt = trueResponseTime();
        double[] times = new double[samples];
        for (int i = 0; i < samples; i++) {
            times[i] = rt * (1 + 0.1 * (random.nextDouble() * 2 - 1));
        }
        double confidence = knobs.get("confidence.threshold").value();
        double success = clamp(0.95 - 0.9 * Math.abs(confidence - 0.55) + 0.02 * random.nextGaussian());
        double coordination = clamp(0.75 + 0.02 * random.nextGaussian());
        double memory = clamp(0.2 + knobs.get("cache.size").value() / 10000);
        return Map.of("responseTimeMs", times, "successRate", new double[] {success},
                "coordinationScore", new double[] {coordination}, "memory", new double[] {memory},
                "decisionCount", new double[] {100 + random.nextInt(5)});
    }

    private void put(Knob knob) {
        knobs.put(knob.name(), knob);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
