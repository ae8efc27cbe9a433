package io.perfopt.engine.plan;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.api.learning.LearningView;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.engine.learn.LearningStore;
import io.perfopt.engine.learn.ThompsonSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The planning phase for one agent: asks every bound plugin for proposals for each open
 * bottleneck (in isolation), turns valid ones into strategies, and ranks them by severity, then a
 * Thompson draw of their expected gain, then cost.
 */
public final class Planner {

    private final PluginSource plugins;
    private final PluginRunner runner;
    private final LearningStore learning;
    private final ThompsonSampler sampler;

    public Planner(PluginSource plugins, PluginRunner runner, LearningStore learning, ThompsonSampler sampler) {
        this.plugins = plugins;
        this.runner = runner;
        this.learning = learning;
        this.sampler = sampler;
    }

    /**
     * The agent's candidate strategies, best first.
     *
     * @param ids supplies a fresh strategy id per candidate
     */
    public List<RankedStrategy> plan(AgentDescriptor agent, List<Bottleneck> bottlenecks, List<Knob> knobs,
                                     AgentMetrics metrics, double aggressiveness, List<OptimizationResult> history,
                                     Supplier<String> ids) {
        List<RankedStrategy> ranked = new ArrayList<>();
        List<OptimizerPlugin> bound = plugins.pluginsFor(agent);
        for (Bottleneck bottleneck : bottlenecks) {
            for (OptimizerPlugin plugin : bound) {
                String pluginId = runner.identify(plugin).map(PluginRunner.Identity::id).orElse(null);
                if (pluginId == null) {
                    continue;
                }
                LearningView view = (knob, direction, step) -> learning.stats(
                        new ActionKey(pluginId, agent.agentClass(), bottleneck.type(), knob, direction, step));
                PlanningContext context = new PlanningContext(agent, bottleneck, knobs, metrics, view, aggressiveness,
                        history);
                for (Proposal proposal : runner.propose(plugin, context)) {
                    LearningStats stats = learning.stats(StrategyFactory.keyOf(pluginId, agent, bottleneck, proposal));
                    OptimizationStrategy strategy = StrategyFactory.build(ids.get(), pluginId, agent, bottleneck,
                            proposal, knobs, stats);
                    double score = sampler.sample(stats, proposal.prior(), StrategyFactory.firstGuess(bottleneck));
                    ranked.add(new RankedStrategy(strategy, score, knobs));
                }
            }
        }
        ranked.sort(RankedStrategy.ORDER);
        return ranked;
    }
}
