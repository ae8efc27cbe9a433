package io.perfopt.integration.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Prometheus series become which perfopt metrics for one agent: one {@link MappingRule}
 * per perfopt metric. An agent without a {@code mapping} in {@code agents.yaml} gets
 * {@link #defaults()}, the names the simulator (and any agent following the protocol) exposes:
 *
 * <pre>
 * responseTimeMs     ← agent_response_time_ms{quantile="0.95"}                        (summary)
 * successRate        ← 1 − increase(agent_requests_failed_total) / increase(agent_requests_total)
 * coordinationScore  ← agent_coordination_score                                       (gauge)
 * cpu                ← agent_cpu_ratio                                                (gauge)
 * memory             ← agent_memory_ratio                                             (gauge)
 * averageConfidence  ← agent_average_confidence                                       (gauge)
 * decisionCount      ← rate(agent_decisions_total)                                    (per second)
 * messageLatencyMs   ← histogram_quantile(0.95, agent_message_latency_ms_bucket)      (since the previous scrape)
 * </pre>
 *
 * @param rules the rules, at most one per perfopt metric
 */
public record PrometheusMapping(List<MappingRule> rules) {

    public PrometheusMapping {
        rules = List.copyOf(rules);
        Set<String> targets = new HashSet<>();
        for (MappingRule rule : rules) {
            if (!targets.add(rule.metric())) {
                throw new IllegalArgumentException("metric " + rule.metric()
                        + " is mapped twice; keep one rule per perfopt metric");
            }
        }
    }

    /** The mapping of the simulator's metric names, described above. */
    public static PrometheusMapping defaults() {
        return new PrometheusMapping(List.of(
                new MappingRule.SummaryQuantile("responseTimeMs", SeriesSelector.of("agent_response_time_ms"), 0.95, 1),
                new MappingRule.Ratio("successRate", SeriesSelector.of("agent_requests_failed_total"),
                        SeriesSelector.of("agent_requests_total"), true, 1),
                new MappingRule.Value("coordinationScore", SeriesSelector.of("agent_coordination_score"), 1),
                new MappingRule.Value("cpu", SeriesSelector.of("agent_cpu_ratio"), 1),
                new MappingRule.Value("memory", SeriesSelector.of("agent_memory_ratio"), 1),
                new MappingRule.Value("averageConfidence", SeriesSelector.of("agent_average_confidence"), 1),
                new MappingRule.Rate("decisionCount", SeriesSelector.of("agent_decisions_total"), 1),
                new MappingRule.HistogramQuantile("messageLatencyMs", SeriesSelector.of("agent_message_latency_ms"),
                        0.95, 1)));
    }

    /** No rules: the mapping of agents whose metrics are not scraped from Prometheus. */
    public static PrometheusMapping none() {
        return new PrometheusMapping(List.of());
    }

    /** Whether there are no rules. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
