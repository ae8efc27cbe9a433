package io.perfopt.benchmarks.decision;

import io.perfopt.api.knob.Knob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An in-memory agent reporting 20 metrics (the 17 of the seed design and three of its own) whose
 * values respond to its knobs, with seeded noise. Its {@link Trouble} decides its start state:
 *
 * <pre>
 *   response time  = 400 + 2500·e^(−cache/250)·slow + 40·|threads − 8|     ms, ×(1 ± 15 %)
 *   success rate   = 0.95 − 0.9·|confidence − 0.55|                         ± 0.02
 *   coordination   = 0.85 − 0.004·batch                                     ± 0.02
 * </pre>
 *
 * A healthy agent starts with a large cache, a well-set confidence threshold and small batches;
 * a troubled one starts with the one knob of its trouble badly set.
 */
final class SyntheticAgent {

    /** What is wrong with an agent at the start. */
    enum Trouble { NONE, SLOW, FAILING, UNCOORDINATED }

    static final List<String> OTHER_METRICS = List.of("averageConfidence", "decisionCount", "adaptationScore",
            "resourceEfficiency", "goalProgress", "cpu", "memory", "network", "storage", "decisionSpeedMs",
            "accuracyRate", "messageLatencyMs", "conflictResolutionTimeMs", "cooperationScore", "queueDepth",
            "gcPauseMs", "openConnections");

    final String id;
    final Trouble trouble;
    private final SplittableRandom random;
    private final Map<String, Knob> knobs = new LinkedHashMap<>();

    SyntheticAgent(String id, Trouble trouble, long seed) {
        this.id = id;
        this.trouble = trouble;
        this.random = new SplittableRandom(seed);
        put(Knob.ofInt("cache.size", 0, 5000, trouble == Trouble.SLOW ? 100 : 2000, "latency", "cache", "resource"));
        put(Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency"));
        put(Knob.ofDouble("confidence.threshold", 0.3, 0.95, trouble == Trouble.FAILING ? 0.92 : 0.55,
                "confidence", "success"));
        put(Knob.ofInt("message.batch.size", 1, 200, trouble == Trouble.UNCOORDINATED ? 80 : 10, "coordination",
                "batching"));
        put(Knob.ofInt("log.verbosity", 0, 10, 3, "latency"));
    }

    private void put(Knob knob) {
        knobs.put(knob.name(), knob);
    }

    synchronized List<Knob> knobs() {
        return List.copyOf(knobs.values());
    }

    synchronized Knob knob(String name) {
        return knobs.get(name);
    }

    synchronized void set(String name, double value) {
        put(knobs.get(name).withValue(value));
    }

    private double value(String knob) {
        return knobs.get(knob).value();
    }

    synchronized double responseTime() {
        double slow = trouble == Trouble.SLOW ? 1 : 0.05;
        return 400 + 2500 * Math.exp(-value("cache.size") / 250) * slow + 40 * Math.abs(value("worker.threads") - 8);
    }

    /**
     * Writes one tick of observations: {@code latencies} response times, {@code ratioReadings}
     * values of the success rate and the coordination score, and one of every other metric.
     */
    synchronized void observe(int latencies, int ratioReadings, SampleWriter out) {
        double rt = responseTime();
        for (int i = 0; i < latencies; i++) {
            out.write(id, "responseTimeMs", rt * (1 + 0.15 * (random.nextDouble() * 2 - 1)));
        }
        // with two readings per tick a 60 s verification window holds 12 of each judged ratio, above
        // the judge's minimum of 8; with one it holds 6, and success-rate and coordination changes
        // are planned every cycle but can never start (perfopt says "not enough baseline samples")
        for (int i = 0; i < ratioReadings; i++) {
            out.write(id, "successRate", clamp(0.95 - 0.9 * Math.abs(value("confidence.threshold") - 0.55) + noise()));
            out.write(id, "coordinationScore", clamp(0.85 - 0.004 * value("message.batch.size") + noise()));
        }
        for (String metric : OTHER_METRICS) {
            out.write(id, metric, clamp(0.7 + noise()) * (metric.endsWith("Ms") ? 100 : 1));
        }
    }

    private double noise() {
        return 0.02 * (random.nextDouble() * 2 - 1);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Where observations go. */
    @FunctionalInterface
    interface SampleWriter {
        void write(String agentId, String metric, double value);
    }
}
