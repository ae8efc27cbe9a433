package io.perfopt.api.testing;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.api.learning.LearningView;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Severity;
import io.perfopt.api.optimization.ShiftEstimate;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.PlanningContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link PlanningContext} perfopt would give a plugin, for unit tests. The history is
 * written as a session: each {@link #tried} records a judged change from the knob's current
 * value, and a kept one moves the knob, as perfopt would.
 *
 * <pre>{@code
 * PlanningContext context = FakeContext.agent("hunter-1", "market-hunter")
 *         .knobs(Knob.ofInt("cache.size", 0, 20000, 100, "latency", "cache"))
 *         .bottleneck(BottleneckType.RESPONSE_TIME)
 *         .tried("cache.size", 160, Verdict.IMPROVED, 12.5)
 *         .build();
 * }</pre>
 */
public final class FakeContext {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final AgentDescriptor agent;
    private final Map<String, Knob> knobs = new LinkedHashMap<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, LearningStats> learned = new HashMap<>();
    private final List<OptimizationResult> history = new ArrayList<>();
    private BottleneckType type = BottleneckType.RESPONSE_TIME;
    private Origin origin = Origin.REACTIVE;
    private double aggressiveness = 1;

    private FakeContext(AgentDescriptor agent) {
        this.agent = agent;
    }

    /** A context for an agent of that id and class. */
    public static FakeContext agent(String id, String agentClass) {
        return new FakeContext(AgentDescriptor.of(id, agentClass));
    }

    /** Gives the agent these knobs (adds to or replaces those of the same name). */
    public FakeContext knobs(Knob... values) {
        for (Knob knob : values) {
            knobs.put(knob.name(), knob);
        }
        return this;
    }

    /** The bottleneck to plan for: observed, of this type (default response time). */
    public FakeContext bottleneck(BottleneckType value) {
        this.type = value;
        this.origin = Origin.REACTIVE;
        return this;
    }

    /** The bottleneck to plan for: forecast, of this type. */
    public FakeContext forecast(BottleneckType value) {
        this.type = value;
        this.origin = Origin.PROACTIVE;
        return this;
    }

    /** A metric whose window holds this one value. */
    public FakeContext metric(String name, double value) {
        metrics.put(name, value);
        return this;
    }

    /** The orchestrator's step multiplier (default 1). */
    public FakeContext aggressiveness(double value) {
        this.aggressiveness = value;
        return this;
    }

    /** What learning knows of turning {@code knob} that way by {@code step}. */
    public FakeContext learned(String knob, ChangeDirection direction, String step, long trials, long successes) {
        learned.put(knob + "|" + direction + "|" + step, new LearningStats(trials, successes, 0, 0, 0, 0));
        return this;
    }

    /** A judged change of {@code knob} to {@code to} for the current bottleneck type. */
    public FakeContext tried(String knob, double to, Verdict verdict, double improvement) {
        return tried(type, knob, to, verdict, improvement);
    }

    /**
     * A judged change of {@code knob} to {@code to} whose shift was statistically significant, as
     * every improved or degraded one is, and as a no-effect one is when it moved the metric too
     * little to count.
     */
    public FakeContext triedSignificant(String knob, double to, Verdict verdict, double improvement) {
        return tried(type, knob, to, verdict, improvement, true);
    }

    /**
     * A judged change of {@code knob} from its current value to {@code to}, for a bottleneck of
     * {@code forType}; a kept change leaves the knob at {@code to}.
     */
    public FakeContext tried(BottleneckType forType, String knob, double to, Verdict verdict, double improvement) {
        return tried(forType, knob, to, verdict, improvement, verdict != Verdict.NO_EFFECT);
    }

    private FakeContext tried(BottleneckType forType, String knob, double to, Verdict verdict, double improvement,
                              boolean significant) {
        Knob current = Optional.ofNullable(knobs.get(knob))
                .orElseThrow(() -> new IllegalArgumentException("no knob " + knob + "; add it with knobs() first"));
        history.add(result(forType, new KnobChange(knob, current.value(), to), verdict, improvement, significant));
        if (verdict.kept()) {
            knobs.put(knob, current.withValue(to));
        }
        return this;
    }

    /** The context. */
    public PlanningContext build() {
        Bottleneck bottleneck = bottleneckOf(type, origin);
        LearningView view = (knob, direction, step) ->
                learned.getOrDefault(knob + "|" + direction + "|" + step, LearningStats.NONE);
        return new PlanningContext(agent, bottleneck, List.copyOf(knobs.values()), metrics(), view, aggressiveness,
                history);
    }

    private Bottleneck bottleneckOf(BottleneckType bottleneckType, Origin bottleneckOrigin) {
        return new Bottleneck(bottleneckType, Severity.HIGH, agent.id(), bottleneckType.metric(),
                bottleneckType + " of " + agent.id() + " (fake)", 20, "", Map.of(), bottleneckOrigin,
                T0.plusSeconds(60L * history.size()));
    }

    private OptimizationResult result(BottleneckType forType, KnobChange change, Verdict verdict, double improvement,
                                      boolean significant) {
        Instant at = T0.plusSeconds(60L * history.size());
        String id = "fake-" + (history.size() + 1);
        OptimizationStrategy strategy = new OptimizationStrategy(id, forType, Origin.REACTIVE, Severity.HIGH,
                agent.id(), "fake", change.toString(), 10, Duration.ofSeconds(1), List.of(change.toString()),
                List.of(change), forType.metric(), List.of(), "", 0.1, bottleneckOf(forType, Origin.REACTIVE),
                new ActionKey("fake", agent.agentClass(), forType, change.knob(), change.direction(), ""));
        // a shift interval that excludes zero exactly when the trial is to count as significant
        ShiftEstimate shift = significant ? new ShiftEstimate(-improvement, -improvement - 0.5 * Math.abs(improvement),
                -improvement + 0.5 * Math.abs(improvement), 0.95) : new ShiftEstimate(0, -1, 1, 0.95);
        return new OptimizationResult(strategy, verdict, null, null, improvement, significant ? 0.01 : 0.5, shift,
                Duration.ofSeconds(30),
                List.of(), at, verdict + " after " + change, List.of(), List.of());
    }

    private AgentMetrics metrics() {
        Map<String, Double> copy = Map.copyOf(metrics);
        return new AgentMetrics() {
            @Override
            public Set<String> metrics() {
                return copy.keySet();
            }

            @Override
            public Optional<MetricSummary> summary(String metric) {
                return Optional.ofNullable(copy.get(metric)).map(v -> MetricSummary.of(metric, v));
            }
        };
    }
}
