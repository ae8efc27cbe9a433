package io.perfopt.engine.plan;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guardrails every strategy gets whatever its plugin says, so that no fix "succeeds" by
 * breaking another part of the agent's health: a latency fix that sheds requests, a success-rate
 * fix that decides much less or much slower.
 *
 * <pre>
 *   RESPONSE_TIME      successRate 10 %
 *   SUCCESS_RATE       responseTimeMs 20 %, decisionCount 10 %
 *   COORDINATION       successRate 10 %, responseTimeMs 20 %
 *   RESOURCE_PRESSURE  responseTimeMs 10 %, successRate 5 %
 * </pre>
 *
 * A plugin's own guardrail on the same metric replaces the default; the target metric is never
 * its own guardrail. The detection thresholds are guarded besides, for every strategy.
 */
public final class DefaultGuardrails {

    private static final Map<BottleneckType, List<Guardrail>> DEFAULTS = Map.of(
            BottleneckType.RESPONSE_TIME, List.of(new Guardrail("successRate", 10)),
            BottleneckType.SUCCESS_RATE, List.of(new Guardrail("responseTimeMs", 20),
                    new Guardrail("decisionCount", 10)),
            BottleneckType.COORDINATION, List.of(new Guardrail("successRate", 10),
                    new Guardrail("responseTimeMs", 20)),
            BottleneckType.RESOURCE_PRESSURE, List.of(new Guardrail("responseTimeMs", 10),
                    new Guardrail("successRate", 5)),
            BottleneckType.SYSTEM_SCORE, List.of());

    private DefaultGuardrails() {
    }

    /** The plugin's guardrails plus the defaults for the type it does not cover, without the target. */
    public static List<Guardrail> merge(BottleneckType type, String targetMetric, List<Guardrail> fromPlugin) {
        Map<String, Guardrail> merged = new LinkedHashMap<>();
        DEFAULTS.getOrDefault(type, List.of()).forEach(g -> merged.put(g.metric(), g));
        fromPlugin.forEach(g -> merged.put(g.metric(), g));
        merged.remove(targetMetric);
        return new ArrayList<>(merged.values());
    }
}
