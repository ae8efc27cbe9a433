package io.perfopt.integration.api;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.integration.collect.AgentCollection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One agent as {@code GET /api/agents} shows it.
 *
 * @param id              the agent id
 * @param agentClass      its class
 * @param tags            its tags
 * @param owner           the node that optimizes it
 * @param source          how its metrics arrive: json, prometheus, push, promql or jdbc
 * @param freshness       fresh, stale or never-seen
 * @param failing         whether its last collection failed
 * @param lastSeen        when its newest sample was observed; null when never
 * @param collection      what collection delivered and refused
 * @param metrics         its metrics over the detection window
 * @param knobs           its knobs as last seen (each value in the knob's wire form)
 * @param knobsReadAt     when the knobs were read; null when never
 * @param bottlenecks     its open bottlenecks after the last cycle
 * @param changeInFlight  the id of its change awaiting a verdict; null when none
 * @param thresholds      the detection thresholds that apply to it (its own overrides included)
 * @param latencyStatistic the response-time statistic compared with its threshold (e.g. p95)
 */
public record AgentView(String id, String agentClass, Set<String> tags, String owner, String source, String freshness,
                        boolean failing, Instant lastSeen, AgentCollection collection,
                        Map<String, MetricSummary> metrics, List<KnobView> knobs, Instant knobsReadAt,
                        List<Bottleneck> bottlenecks, String changeInFlight, Map<String, Double> thresholds,
                        String latencyStatistic) {

    /**
     * A knob in its wire form.
     *
     * @param name   the knob
     * @param type   int, double, boolean or enum
     * @param min    lowest value (numbers)
     * @param max    highest value (numbers)
     * @param value  current value as the agent protocol writes it
     * @param values allowed names of an enum
     * @param tags   its tags
     */
    public record KnobView(String name, String type, double min, double max, Object value, List<String> values,
                           Set<String> tags) {

        public static KnobView of(Knob knob) {
            return new KnobView(knob.name(), knob.type().wireName(), knob.min(), knob.max(), knob.toWire(knob.value()),
                    knob.values(), knob.tags());
        }
    }
}
