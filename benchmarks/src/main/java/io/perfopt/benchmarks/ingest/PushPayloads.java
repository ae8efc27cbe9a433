package io.perfopt.benchmarks.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Pushed metrics batches as agents send them to {@code POST /api/metrics}: an array of
 * documents, one per agent, each with ten metric values and a sample array of response times.
 */
final class PushPayloads {

    static final String[] METRICS = {"successRate", "averageConfidence", "coordinationScore", "cpu", "memory",
        "decisionCount", "goalProgress", "accuracyRate", "decisionSpeedMs", "messageLatencyMs"};

    private PushPayloads() {
    }

    /** The id of agent {@code i}. */
    static String agentId(int i) {
        return String.format(Locale.ROOT, "pusher-%04d", i);
    }

    /**
     * {@code variants} different bodies, each a batch of {@code documents} documents for agents
     * taken in turn from {@code agents}, each document with {@code latencies} response times.
     */
    static List<byte[]> batches(int variants, int documents, int latencies, int agents, Instant at, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> bodies = new ArrayList<>();
        int next = 0;
        for (int v = 0; v < variants; v++) {
            StringBuilder json = new StringBuilder(documents * (latencies * 8 + 400)).append('[');
            for (int d = 0; d < documents; d++) {
                if (d > 0) {
                    json.append(',');
                }
                json.append("{\"agentId\":\"").append(agentId(next++ % agents)).append("\",\"timestamp\":\"")
                        .append(at).append("\",\"metrics\":{");
                for (int m = 0; m < METRICS.length; m++) {
                    if (m > 0) {
                        json.append(',');
                    }
                    double value = METRICS[m].endsWith("Ms") ? 50 + 100 * random.nextDouble()
                            : METRICS[m].equals("decisionCount") ? random.nextInt(100) : random.nextDouble();
                    json.append('"').append(METRICS[m]).append("\":").append(round(value));
                }
                json.append("},\"samples\":{\"responseTimeMs\":[");
                for (int l = 0; l < latencies; l++) {
                    if (l > 0) {
                        json.append(',');
                    }
                    json.append(round(Math.exp(5.3 + 0.3 * random.nextGaussian())));
                }
                json.append("]}}");
            }
            bodies.add(json.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
