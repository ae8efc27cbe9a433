package io.perfopt.engine.detect;

import io.perfopt.api.Require;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.engine.detect.Debounce.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reactive detection: compares each agent's window statistics with its thresholds (see
 * {@link ThresholdRule} for the conditions, severities and impacts) and the fleet's
 * {@link HealthScore} with the system threshold, and reports what has been wrong long enough.
 *
 * <p>Each (component, rule) pair moves through a {@link Debounce}: a bottleneck is raised after
 * its condition held for {@code raiseAfter} consecutive evaluations and cleared after
 * {@code clearAfter} consecutive evaluations past its clear level (the threshold moved by the
 * hysteresis band towards good). While open, every evaluation reports it afresh with the current
 * value, severity, impact and evidence, and the instant it was first raised. A metric with fewer
 * than {@code minSamples} samples is not evaluated: it neither raises nor clears, and an open
 * bottleneck on it is repeated as last reported.
 *
 * <p>Meant to be called by one cycle thread at a time; the state of each agent lives in a
 * concurrent map and is locked while evaluated, so a {@link #forget} from another thread is safe.
 */
public final class BottleneckDetector {

    private static final Logger log = LoggerFactory.getLogger(BottleneckDetector.class);

    private final DetectionConfig config;
    private final ThresholdPolicy thresholds;
    private final HealthScore health;
    private final ConcurrentMap<String, Map<ThresholdRule, Debounce>> agents = new ConcurrentHashMap<>();
    private final Debounce system;

    public BottleneckDetector(DetectionConfig config, ThresholdPolicy thresholds) {
        this.config = Require.notNull("detection config", config);
        this.thresholds = Require.notNull("threshold policy", thresholds);
        this.health = new HealthScore(thresholds, config.latencyStatistic(), config.minSamples());
        this.system = new Debounce(config.raiseAfter(), config.clearAfter());
    }

    /** Evaluates one agent; returns its open (persisted, not yet cleared) REACTIVE bottlenecks. */
    public List<Bottleneck> evaluate(String agentId, AgentMetrics metrics, Instant now) {
        Require.notBlank("agentId", agentId);
        Require.notNull("metrics of agent " + agentId, metrics);
        Require.notNull("now", now);
        Thresholds agentThresholds = thresholds.forAgent(agentId);
        Map<ThresholdRule, Debounce> states = agents.computeIfAbsent(agentId, id -> new EnumMap<>(ThresholdRule.class));
        List<Bottleneck> open = new ArrayList<>();
        synchronized (states) {
            for (ThresholdRule rule : ThresholdRule.agentRules()) {
                Debounce state = states.computeIfAbsent(rule, r -> new Debounce(config.raiseAfter(), config.clearAfter()));
                Optional<MetricSummary> summary = metrics.summary(rule.metric())
                        .filter(s -> s.count() >= config.minSamples());
                if (summary.isEmpty()) {
                    // too little data: neither evidence of a problem nor of recovery
                    state.lastReported().ifPresent(open::add);
                    continue;
                }
                String statistic = rule == ThresholdRule.RESPONSE_TIME ? config.latencyStatistic() : "mean";
                Observation observation = new Observation(rule, agentId, statistic,
                        summary.get().statistic(statistic), agentThresholds, config.hysteresis(),
                        summary.get().count(), "samples");
                apply(observation, state, now).ifPresent(open::add);
            }
        }
        return List.copyOf(open);
    }

    /** Evaluates the overall system score over the agents given; returns an open SYSTEM_SCORE bottleneck if any. */
    public List<Bottleneck> evaluateSystem(Map<String, AgentMetrics> fleet, Instant now) {
        Require.notNull("fleet", fleet);
        return evaluateHealth(health.agents(fleet), now);
    }

    /**
     * {@link #evaluateSystem} from the agents' health already scored by {@link HealthScore#agents},
     * so that a cycle that also reports the score scores each agent once.
     */
    public List<Bottleneck> evaluateHealth(Map<String, Double> agentHealth, Instant now) {
        Require.notNull("agent health", agentHealth);
        Require.notNull("now", now);
        synchronized (system) {
            if (agentHealth.isEmpty()) {
                return system.lastReported().map(List::of).orElse(List.of());
            }
            double score = agentHealth.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            Observation observation = new Observation(ThresholdRule.SYSTEM_SCORE, Bottleneck.SYSTEM,
                    BottleneckType.SYSTEM_SCORE.metric(), score, thresholds.global(), config.hysteresis(),
                    agentHealth.size(), "agents");
            Optional<Bottleneck> open = apply(observation, system, now).map(b -> withWeakest(b, agentHealth));
            open.ifPresent(system::reported);
            return open.map(List::of).orElse(List.of());
        }
    }

    /** The system score of the fleet (see HealthScore); empty when no agent has metrics. */
    public OptionalDouble systemScore(Map<String, AgentMetrics> fleet) {
        return health.system(Require.notNull("fleet", fleet));
    }

    /** The health formula this detector scores the fleet with. */
    public HealthScore healthScore() {
        return health;
    }

    /** Forgets the state of an agent (it left, or is now owned by another node). */
    public void forget(String agentId) {
        agents.remove(agentId);
    }

    private Optional<Bottleneck> apply(Observation observation, Debounce state, Instant now) {
        Transition transition = state.update(observation.reading(), now);
        String who = observation.component();
        BottleneckType what = observation.rule().type();
        if (transition == Transition.QUIET) {
            if (state.breachStreak() > 0) {
                log.debug("{}: {}; {} of {} evaluations before raising {}", who, observation.describe(state),
                        state.breachStreak(), state.raiseAfter(), what);
            }
            return Optional.empty();
        }
        if (transition == Transition.CLEARED) {
            log.info("{}: cleared {} after {} evaluation(s) recovered: {}", who, what, state.clearAfter(),
                    observation.rule().label(observation.statistic()) + " "
                            + observation.rule().format(observation.value()) + " past its recovery level "
                            + observation.rule().format(observation.clearLevel()));
            return Optional.empty();
        }
        Bottleneck bottleneck = observation.toBottleneck(state);
        state.reported(bottleneck);
        if (transition == Transition.RAISED) {
            log.info("{}: raised {} {} (impact {}) after {} evaluation(s) over threshold: {}", who,
                    bottleneck.severity(), what, Math.round(bottleneck.impact()), state.breachStreak(),
                    bottleneck.description());
        } else {
            log.debug("{}: {} still open: {}", who, what, bottleneck.description());
        }
        return Optional.of(bottleneck);
    }

    /** Names the least healthy agents in the description, so a reader knows where to look. */
    private static Bottleneck withWeakest(Bottleneck bottleneck, Map<String, Double> agentHealth) {
        String weakest = agentHealth.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(3)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        return new Bottleneck(bottleneck.type(), bottleneck.severity(), bottleneck.component(), bottleneck.metric(),
                bottleneck.description() + " (least healthy: " + weakest + ")", bottleneck.impact(),
                bottleneck.suggestedFix(), bottleneck.evidence(), bottleneck.origin(), bottleneck.detectedAt());
    }
}
