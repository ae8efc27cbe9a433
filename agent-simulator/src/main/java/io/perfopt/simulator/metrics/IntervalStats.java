package io.perfopt.simulator.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an agent did between two reads of one cursor, summed as it happens and turned
 * into perfopt's standard metrics when read. Each reader (the JSON endpoint, the Prometheus
 * endpoint, Java inspection) owns one, so that reading one never empties another.
 *
 * <p>How each metric comes about: {@code successRate} is successful decisions over decisions
 * plus failed requests (a skipped low-confidence analysis is neither); {@code accuracyRate} is
 * right analyses over all analyses, acted on or not; {@code cpu} is work done over the
 * interval's core time plus the idle load of the agent's threads; {@code resourceEfficiency}
 * is the share of that cpu that went into requests ending in a successful decision;
 * {@code goalProgress} compares successful decisions with the agent's goal share of requests;
 * {@code adaptationScore} is the share of requests answered without failure within
 * {@value #LATENCY_BUDGET_MS} ms.
 */
public final class IntervalStats implements OutcomeSink {

    /** The answer time an agent is expected to keep to, as perfopt's default threshold. */
    public static final double LATENCY_BUDGET_MS = 2000;
    private static final int MAX_LATENCY_SAMPLES = 200;

    private final LatencyReservoir reservoir;
    private final SubIntervals subIntervals = new SubIntervals();
    private long requests;
    private long served;
    private long failed;
    private long decided;
    private long decidedOk;
    private long analysed;
    private long analysedCorrect;
    private long withinBudget;
    private double latencySum;
    private double workSumDecided;
    private double confidenceSumDecided;
    private double cpuMs;
    private double usefulCpuMs;
    private long messages;
    private long delivered;
    private double messageLatencySum;
    private double coordinationSum;
    private double cooperationSum;
    private long conflicts;
    private double conflictSum;

    /** A cursor whose samples are drawn with a random stream of {@code seed}. */
    public IntervalStats(long seed) {
        this.reservoir = new LatencyReservoir(MAX_LATENCY_SAMPLES, seed);
    }

    @Override
    public void request(double atMs, RequestOutcome outcome) {
        requests++;
        if (outcome.served()) {
            served++;
            latencySum += outcome.latencyMs();
            reservoir.add(outcome.latencyMs());
        }
        cpuMs += outcome.cpuMs();
        if (outcome.failed()) {
            failed++;
            subIntervals.success(atMs, false);
            return;
        }
        analysed++;
        if (outcome.correct()) {
            analysedCorrect++;
        }
        if (outcome.latencyMs() <= LATENCY_BUDGET_MS) {
            withinBudget++;
        }
        if (outcome.decided()) {
            decided++;
            workSumDecided += outcome.workMs();
            confidenceSumDecided += outcome.confidence();
            subIntervals.success(atMs, outcome.succeeded());
            if (outcome.succeeded()) {
                decidedOk++;
                usefulCpuMs += outcome.cpuMs();
            }
        }
    }

    @Override
    public void message(double atMs, MessageOutcome outcome) {
        messages++;
        coordinationSum += outcome.coordination();
        cooperationSum += outcome.cooperation();
        subIntervals.coordination(atMs, outcome.coordination());
        if (outcome.delivered()) {
            delivered++;
            messageLatencySum += outcome.latencyMs();
        }
    }

    @Override
    public void conflict(double atMs, double resolutionMs) {
        conflicts++;
        conflictSum += resolutionMs;
    }

    /** Requests seen since the last read. */
    public long requests() {
        return requests;
    }

    /**
     * Turns what was seen in {@code [fromMs, toMs]} into metrics and starts afresh.
     * {@code simulatedFromMs} is where the simulated traffic of the interval began (later than
     * {@code fromMs} when a long idle gap was cut short).
     */
    public IntervalMetrics read(double fromMs, double simulatedFromMs, double toMs, Gauges gauges) {
        Map<String, Double> m = new LinkedHashMap<>();
        double coreMs = Math.max(1, toMs - Math.max(fromMs, simulatedFromMs)) * gauges.cores();
        double idleCpuMs = gauges.idleCpuRatio() * coreMs;
        put(m, "responseTimeMs", latencySum, served);
        put(m, "successRate", decidedOk, decided + failed);
        put(m, "averageConfidence", confidenceSumDecided, decided);
        m.put("decisionCount", (double) decided);
        put(m, "coordinationScore", coordinationSum, messages);
        put(m, "messageLatencyMs", messageLatencySum, delivered);
        put(m, "conflictResolutionTimeMs", conflictSum, conflicts);
        put(m, "cooperationScore", cooperationSum, messages);
        put(m, "decisionSpeedMs", workSumDecided, decided);
        put(m, "accuracyRate", analysedCorrect, analysed);
        m.put("cpu", clamp((cpuMs + idleCpuMs) / coreMs));
        m.put("memory", clamp(gauges.memoryRatio()));
        if (cpuMs + idleCpuMs > 0) {
            m.put("resourceEfficiency", clamp(usefulCpuMs / (cpuMs + idleCpuMs)));
        }
        put(m, "goalProgress", decidedOk, gauges.goalShare() * requests);
        put(m, "adaptationScore", withinBudget, requests);
        clampRatios(m);
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        addIfAny(samples, "responseTimeMs", reservoir.values());
        addIfAny(samples, "successRate", subIntervals.successRates(fromMs, toMs));
        addIfAny(samples, "coordinationScore", subIntervals.coordinationScores(fromMs, toMs));
        IntervalMetrics metrics = new IntervalMetrics(fromMs, toMs, m, samples);
        reset();
        return metrics;
    }

    private void reset() {
        requests = served = failed = decided = decidedOk = analysed = analysedCorrect = withinBudget = 0;
        latencySum = workSumDecided = confidenceSumDecided = cpuMs = usefulCpuMs = 0;
        messages = delivered = conflicts = 0;
        messageLatencySum = coordinationSum = cooperationSum = conflictSum = 0;
        reservoir.clear();
        subIntervals.clear();
    }

    private static void put(Map<String, Double> m, String name, double sum, double count) {
        if (count > 0) {
            m.put(name, sum / count);
        }
    }

    private static void addIfAny(Map<String, List<Double>> samples, String name, List<Double> values) {
        if (!values.isEmpty()) {
            samples.put(name, values);
        }
    }

    // goalProgress can exceed its goal and sums of ratios can drift past 1 by rounding.
    private static void clampRatios(Map<String, Double> m) {
        for (String ratio : List.of("successRate", "averageConfidence", "coordinationScore", "cooperationScore",
                "accuracyRate", "goalProgress", "adaptationScore")) {
            m.computeIfPresent(ratio, (k, v) -> clamp(v));
        }
    }

    private static double clamp(double ratio) {
        return Math.max(0, Math.min(1, ratio));
    }
}
