package io.perfopt.simulator.metrics;

import java.util.Map;

/**
 * Writes an agent's state in the Prometheus text exposition format 0.0.4: counters since the
 * start, a summary of the response times of the most recent requests, a cumulative histogram
 * of message latencies, and gauges of the scores and resources measured since the previous
 * scrape (the last value is kept through a scrape interval with no traffic).
 */
public final class PrometheusText {

    /** The content type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final double[] QUANTILES = {0.5, 0.95, 0.99};
    private static final Map<String, String> GAUGES = Map.ofEntries(
            Map.entry("successRate", "agent_success_ratio"),
            Map.entry("averageConfidence", "agent_average_confidence_ratio"),
            Map.entry("coordinationScore", "agent_coordination_score"),
            Map.entry("cooperationScore", "agent_cooperation_score"),
            Map.entry("messageLatencyMs", "agent_message_latency_mean_ms"),
            Map.entry("conflictResolutionTimeMs", "agent_conflict_resolution_time_ms"),
            Map.entry("decisionSpeedMs", "agent_decision_speed_ms"),
            Map.entry("accuracyRate", "agent_accuracy_ratio"),
            Map.entry("cpu", "agent_cpu_ratio"),
            Map.entry("memory", "agent_memory_ratio"),
            Map.entry("resourceEfficiency", "agent_resource_efficiency_ratio"),
            Map.entry("goalProgress", "agent_goal_progress_ratio"),
            Map.entry("adaptationScore", "agent_adaptation_score"));

    private final StringBuilder out = new StringBuilder(4096);
    private final String labels;

    private PrometheusText(String agentId, String agentClass) {
        this.labels = "agent=\"" + escape(agentId) + "\",class=\"" + escape(agentClass) + "\"";
    }

    /** The exposition of one agent. {@code gauges} holds the latest value of each standard metric. */
    public static String of(String agentId, String agentClass, CumulativeStats totals, Map<String, Double> gauges) {
        return new PrometheusText(agentId, agentClass).write(totals, gauges);
    }

    private String write(CumulativeStats totals, Map<String, Double> gauges) {
        counter("agent_requests_total", "Requests received since the agent started.", totals.requests());
        counter("agent_requests_failed_total", "Requests that failed or whose decision failed.",
                totals.failedRequests());
        counter("agent_decisions_total", "Decisions taken (analyses whose confidence reached the threshold).",
                totals.decisions());
        counter("agent_messages_total", "Coordination messages sent.", totals.messages());
        counter("agent_messages_dropped_total", "Coordination messages dropped by an overloaded link.",
                totals.droppedMessages());
        summary(totals.recentLatenciesSorted());
        histogram(totals);
        GAUGES.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            Double value = gauges.get(e.getKey());
            if (value != null && Double.isFinite(value)) {
                header(e.getValue(), "The agent's " + e.getKey() + " over the last scrape interval.", "gauge");
                sample(e.getValue(), "", value);
            }
        });
        return out.toString();
    }

    private void counter(String name, String help, long value) {
        header(name, help, "counter");
        sample(name, "", value);
    }

    private void summary(double[] sorted) {
        String name = "agent_response_time_ms";
        header(name, "Response time of the last " + CumulativeStats.RECENT_WINDOW + " requests, in ms.", "summary");
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        for (double q : QUANTILES) {
            double value = sorted.length == 0 ? Double.NaN
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
            sample(name, ",quantile=\"" + q + "\"", value);
        }
        sample(name + "_sum", "", sum);
        sample(name + "_count", "", sorted.length);
    }

    private void histogram(CumulativeStats totals) {
        String name = "agent_message_latency_ms";
        header(name, "Latency of delivered coordination messages, in ms.", "histogram");
        for (int i = 0; i < CumulativeStats.MESSAGE_BUCKETS_MS.length; i++) {
            sample(name + "_bucket", ",le=\"" + number(CumulativeStats.MESSAGE_BUCKETS_MS[i]) + "\"",
                    totals.messageBucketCount(i));
        }
        sample(name + "_bucket", ",le=\"+Inf\"", totals.messagesDelivered());
        sample(name + "_sum", "", totals.messageLatencySum());
        sample(name + "_count", "", totals.messagesDelivered());
    }

    private void header(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String extraLabels, double value) {
        out.append(name).append('{').append(labels).append(extraLabels).append("} ").append(number(value))
                .append('\n');
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
