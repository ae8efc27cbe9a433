package io.perfopt.api.optimization;

import io.perfopt.api.Require;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.learning.ActionKey;
import java.time.Duration;
import java.util.List;

/**
 * A concrete, ranked plan to fix one bottleneck of one agent: the knob changes to make, what
 * they are expected to gain, how to judge them and how to undo them. The engine builds
 * strategies from plugin {@link io.perfopt.api.spi.Proposal proposals}; the expected improvement
 * is the engine's (70 % of the bottleneck's impact until learning knows better), never the
 * plugin's.
 *
 * @param id                  unique id, stable in reports and the approval queue
 * @param type                the bottleneck type it addresses
 * @param origin              reactive (observed bottleneck) or proactive (forecast)
 * @param priority            the bottleneck's severity
 * @param target              the agent id
 * @param pluginId            the plugin that proposed it
 * @param description         what it does, one sentence
 * @param expectedImprovement expected gain on the target metric, in percent
 * @param implementationTime  the plugin's estimate of the time to apply it
 * @param actions             readable steps, one per knob change
 * @param changes             the knob changes, applied together and judged together
 * @param targetMetric        the metric the verdict is judged on
 * @param guardrails          metrics that must not get worse
 * @param rollbackPlan        how it is undone
 * @param risk                0 (harmless) to 1 (dangerous); decides whether it needs approval
 * @param bottleneck          the bottleneck it addresses
 * @param actionKey           the key its verdict is learned under
 */
public record OptimizationStrategy(String id, BottleneckType type, Origin origin, Severity priority, String target,
                                   String pluginId, String description, double expectedImprovement,
                                   Duration implementationTime, List<String> actions, List<KnobChange> changes,
                                   String targetMetric, List<Guardrail> guardrails, String rollbackPlan,
                                   double risk, Bottleneck bottleneck, ActionKey actionKey) {

    public OptimizationStrategy {
        Require.notBlank("strategy id", id);
        Require.notNull("strategy type", type);
        Require.notNull("origin", origin);
        Require.notNull("priority", priority);
        Require.notBlank("target", target);
        Require.notBlank("pluginId", pluginId);
        Require.notBlank("description", description);
        Require.finite("expectedImprovement", expectedImprovement);
        Require.nonNegative("implementationTime", implementationTime);
        actions = List.copyOf(actions);
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("strategy " + id + " changes no knob");
        }
        Require.notBlank("targetMetric", targetMetric);
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
        rollbackPlan = rollbackPlan == null ? "" : rollbackPlan;
        Require.between("risk", risk, 0, 1);
        Require.notNull("bottleneck", bottleneck);
        Require.notNull("actionKey", actionKey);
    }

    /** The same strategy with another id. */
    public OptimizationStrategy withId(String newId) {
        return new OptimizationStrategy(newId, type, origin, priority, target, pluginId, description,
                expectedImprovement, implementationTime, actions, changes, targetMetric, guardrails, rollbackPlan,
                risk, bottleneck, actionKey);
    }
}
