package io.perfopt.engine.plan;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.spi.Proposal;
import io.perfopt.engine.learn.ThompsonSampler;
import java.util.List;

/**
 * Turns a plugin's proposal into a strategy, with the engine's own expectation and risk.
 *
 * <pre>
 *   first guess  = 70 % × the bottleneck's impact
 *   expected     = first guess until tried; then P(success | trials, prior) × mean gain of kept trials
 *   risk         = the plugin's risk + 0.3 × the share of trials that made things worse (after 2 trials)
 * </pre>
 */
public final class StrategyFactory {

    /** Share of a bottleneck's impact a reactive fix is first expected to win (the seed's 70 %). */
    public static final double FIRST_GUESS_SHARE = 0.70;
    private static final double DEGRADATION_RISK_WEIGHT = 0.3;

    private StrategyFactory() {
    }

    /** The learning key of a proposal by a plugin for a bottleneck of an agent. */
    public static ActionKey keyOf(String pluginId, AgentDescriptor agent, Bottleneck bottleneck, Proposal proposal) {
        return new ActionKey(pluginId, agent.agentClass(), bottleneck.type(), proposal.knobKey(),
                proposal.changes().get(0).direction(), proposal.step());
    }

    /** The first expected improvement of a fix for this bottleneck, before anything is learned. */
    public static double firstGuess(Bottleneck bottleneck) {
        return FIRST_GUESS_SHARE * bottleneck.impact();
    }

    /** Builds the strategy; {@code stats} is what learning knows of the proposal's key. */
    public static OptimizationStrategy build(String id, String pluginId, AgentDescriptor agent, Bottleneck bottleneck,
                                             Proposal proposal, List<Knob> knobs, LearningStats stats) {
        ActionKey key = keyOf(pluginId, agent, bottleneck, proposal);
        double expected = ThompsonSampler.estimate(stats, proposal.prior(), firstGuess(bottleneck));
        double learnedRisk = stats.trials() >= 2 ? DEGRADATION_RISK_WEIGHT * stats.degradationRate() : 0;
        double risk = Math.min(1, proposal.risk() + learnedRisk);
        List<String> actions = proposal.changes().stream().map(c -> describe(c, knobs)).toList();
        String rollback = "restore " + String.join(", ", proposal.changes().stream()
                .map(c -> c.knob() + " to " + format(c.knob(), c.from(), knobs)).toList());
        String target = proposal.targetMetric() != null ? proposal.targetMetric() : bottleneck.type().metric();
        return new OptimizationStrategy(id, bottleneck.type(), bottleneck.origin(), bottleneck.severity(), agent.id(),
                pluginId, proposal.description(), expected, proposal.implementationTime(), actions,
                proposal.changes(), target, DefaultGuardrails.merge(bottleneck.type(), target, proposal.guardrails()),
                rollback, risk, bottleneck, key);
    }

    /** "raise cache.size 100→400" in the knob's own units. */
    public static String describe(KnobChange change, List<Knob> knobs) {
        String verb = change.direction() == io.perfopt.api.knob.ChangeDirection.UP ? "raise" : "lower";
        Knob knob = knobs.stream().filter(k -> k.name().equals(change.knob())).findFirst().orElse(null);
        if (knob != null && knob.type() == io.perfopt.api.knob.KnobType.ENUM) {
            verb = "switch";
        } else if (knob != null && knob.type() == io.perfopt.api.knob.KnobType.BOOLEAN) {
            verb = change.to() != 0 ? "enable" : "disable";
        }
        return verb + " " + change.knob() + " " + format(change.knob(), change.from(), knobs) + "→"
                + format(change.knob(), change.to(), knobs);
    }

    private static String format(String knobName, double value, List<Knob> knobs) {
        return knobs.stream().filter(k -> k.name().equals(knobName)).findFirst()
                .map(k -> k.format(value)).orElse(io.perfopt.api.Require.plain(value));
    }
}
