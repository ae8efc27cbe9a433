package io.perfopt.api.spi;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.Require;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.learning.LearningView;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.OptimizationResult;
import java.util.List;
import java.util.Optional;

/**
 * Everything a plugin gets to plan a fix for one bottleneck of one agent.
 *
 * @param agent          the agent
 * @param bottleneck     the bottleneck to fix
 * @param knobs          the agent's knobs with their current values
 * @param metrics        the agent's recent metrics
 * @param learning       what was learned, scoped to this plugin, agent class and bottleneck type
 * @param aggressiveness a step multiplier set by the orchestrator: 1 normal, above 1 bolder, below 1 gentler
 * @param history        this agent's recent verdicts, oldest first: which changes were kept or rolled back and
 *                       what they measurably did, so a plugin can continue a search where it left off
 */
public record PlanningContext(AgentDescriptor agent, Bottleneck bottleneck, List<Knob> knobs, AgentMetrics metrics,
                              LearningView learning, double aggressiveness, List<OptimizationResult> history) {

    public PlanningContext {
        Require.notNull("agent", agent);
        Require.notNull("bottleneck", bottleneck);
        knobs = List.copyOf(knobs);
        Require.notNull("metrics", metrics);
        Require.notNull("learning", learning);
        Require.between("aggressiveness", aggressiveness, 0.1, 10);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** This agent's judged changes of one knob, oldest first. */
    public List<OptimizationResult> historyOf(String knob) {
        return history.stream().filter(r -> r.verdict().judged())
                .filter(r -> r.strategy().changes().stream().anyMatch(c -> c.knob().equals(knob))).toList();
    }

    /** The knob of that name, if the agent has it. */
    public Optional<Knob> knob(String name) {
        return knobs.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The knobs carrying any of the tags, in the agent's order. */
    public List<Knob> knobsTagged(String... tags) {
        return knobs.stream().filter(k -> k.hasAnyTag(tags)).toList();
    }
}
