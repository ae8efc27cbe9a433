package io.perfopt.api.spi;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * The extension point of optimizer plugins: given a bottleneck of an agent, propose concrete
 * knob changes that may fix it. perfopt ranks the proposals of every plugin, applies the best,
 * measures the effect and learns which proposals work; a plugin never claims an improvement
 * itself.
 *
 * <p>A plugin must be fast (it runs under a time limit in every cycle), must not block, and
 * must not keep state that learning already keeps: the {@link PlanningContext#learning()} view
 * tells it how its earlier proposals fared. A plugin that throws, returns changes to unknown
 * knobs or values out of range, or exceeds its time limit is logged with its id and disabled
 * after repeated failures.
 *
 * <p>A minimal plugin:
 * <pre>{@code
 * @Extension
 * public class CacheOptimizer implements OptimizerPlugin {
 *     public String id() { return "cache-optimizer"; }
 *     public Set<BottleneckType> handles() { return Set.of(BottleneckType.RESPONSE_TIME); }
 *     public List<Proposal> propose(PlanningContext ctx) {
 *         return ctx.knob("cache.size")
 *                 .map(k -> List.of(Proposal.builder("double the cache").change(k.changeTo(k.value() * 2)).build()))
 *                 .orElse(List.of());
 *     }
 * }
 * }</pre>
 */
public interface OptimizerPlugin extends ExtensionPoint {

    /** A stable id, e.g. {@code latency-optimizer}; strategies and learning are recorded under it. */
    String id();

    /** The bottleneck types this plugin can propose fixes for. */
    Set<BottleneckType> handles();

    /**
     * Whether this plugin handles that bottleneck. The default accepts every bottleneck of a
     * handled type, observed or forecast; a plugin for forecasts only overrides this.
     */
    default boolean handles(Bottleneck bottleneck) {
        return handles().contains(bottleneck.type());
    }

    /**
     * Whether this plugin serves the agent. Generic plugins serve all (the default); per-agent
     * plugins check {@link AgentDescriptor#agentClass()} or tags. Configuration can further
     * bind or unbind plugins per agent.
     */
    default boolean serves(AgentDescriptor agent) {
        return true;
    }

    /**
     * Proposes fixes for the context's bottleneck: zero or more proposals, best guesses first.
     * Called only for bottlenecks this plugin {@link #handles(Bottleneck) handles} on agents it
     * {@link #serves(AgentDescriptor) serves}.
     */
    List<Proposal> propose(PlanningContext context);
}
