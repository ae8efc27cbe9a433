package io.perfopt.integration.cluster;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Severity;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.execute.JournalState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Journal entries as the engine writes them: a strategy with two knob changes, knobs of every type, samples. */
final class JournalEntries {

    static final Instant APPLIED_AT = Instant.parse("2026-01-01T00:10:00.123456789Z");

    private JournalEntries() {
    }

    static JournalEntry applied(String id, String agentId, String nodeId) {
        Bottleneck bottleneck = new Bottleneck(BottleneckType.RESPONSE_TIME, Severity.HIGH, agentId, "responseTimeMs",
                "p95 response time 2800 ms over 2000 ms", 40, "cache more", Map.of("p95", 2800.0, "mean", 2512.5),
                Origin.REACTIVE, APPLIED_AT.minusSeconds(30));
        OptimizationStrategy strategy = new OptimizationStrategy(id, BottleneckType.RESPONSE_TIME, Origin.REACTIVE,
                Severity.HIGH, agentId, "latency", "raise the cache and switch the mode", 28.0,
                Duration.ofMillis(1500), List.of("cache.size 100→400", "mode fast→safe"),
                List.of(new KnobChange("cache.size", 100, 400), new KnobChange("mode", 0, 2)), "responseTimeMs",
                List.of(Guardrail.of("successRate"), new Guardrail("cpu", 12.5)), "restore both knobs", 0.15,
                bottleneck, new ActionKey("latency", "market-hunter", BottleneckType.RESPONSE_TIME, "cache.size+mode",
                        ChangeDirection.UP, "x4"));
        List<Knob> before = List.of(Knob.ofInt("cache.size", 0, 10_000, 100, "latency", "cache"),
                Knob.ofEnum("mode", List.of("fast", "balanced", "safe"), "fast", "quality"));
        return new JournalEntry(id, agentId, strategy, before, JournalState.APPLIED, APPLIED_AT,
                APPLIED_AT.plusSeconds(5), APPLIED_AT.plusSeconds(35),
                Map.of("responseTimeMs", List.of(2400.5, 2800.0, 3100.25), "successRate", List.of(0.91, 0.93)),
                nodeId, null);
    }
}
