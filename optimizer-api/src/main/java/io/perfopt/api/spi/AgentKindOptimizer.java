package io.perfopt.api.spi;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.Require;
import io.perfopt.api.optimization.BottleneckType;
import java.util.List;
import java.util.Set;

/**
 * The base of a plugin that knows one kind of agent by its knobs' names: it serves only agents
 * of its {@link AgentDescriptor#agentClass() agent class}, handles
 * {@link BottleneckType#RESPONSE_TIME response time} and {@link BottleneckType#SUCCESS_RATE
 * success rate}, and answers each with its own proposals. A subclass says what to do when the
 * agent is too slow and what to do when it fails too often:
 *
 * <pre>{@code
 * @Extension
 * public class MarketHunterOptimizer extends AgentKindOptimizer {
 *     public MarketHunterOptimizer() { super("market-hunter-optimizer", "market-hunter"); }
 *     protected List<Proposal> whenSlow(PlanningContext ctx) { return FASTER.propose(ctx); }
 *     protected List<Proposal> whenFailing(PlanningContext ctx) { return SURER.propose(ctx); }
 * }
 * }</pre>
 *
 * <p>Like this module, the class comes from perfopt's class loader: a plugin extending it keeps
 * optimizer-api {@code provided} and bundles no copy of its own.
 */
public abstract class AgentKindOptimizer implements OptimizerPlugin {

    private static final Set<BottleneckType> HANDLED = Set.of(BottleneckType.RESPONSE_TIME,
            BottleneckType.SUCCESS_RATE);

    private final String id;
    private final String agentClass;

    /**
     * @param id         the plugin's stable id, e.g. {@code market-hunter-optimizer}
     * @param agentClass the one agent class it serves, e.g. {@code market-hunter}
     */
    protected AgentKindOptimizer(String id, String agentClass) {
        this.id = Require.notBlank("id", id);
        this.agentClass = Require.notBlank("agentClass", agentClass);
    }

    @Override
    public final String id() {
        return id;
    }

    /** Response time and success rate. */
    @Override
    public final Set<BottleneckType> handles() {
        return HANDLED;
    }

    /** Only agents of this plugin's agent class. */
    @Override
    public final boolean serves(AgentDescriptor agent) {
        return agentClass.equals(agent.agentClass());
    }

    /** {@link #whenSlow} for a response-time bottleneck, {@link #whenFailing} for a success-rate one. */
    @Override
    public final List<Proposal> propose(PlanningContext context) {
        return context.bottleneck().type() == BottleneckType.RESPONSE_TIME ? whenSlow(context)
                : whenFailing(context);
    }

    /** Proposals for an agent of this kind that answers too slowly, best guesses first. */
    protected abstract List<Proposal> whenSlow(PlanningContext context);

    /** Proposals for an agent of this kind that fails too many decisions, best guesses first. */
    protected abstract List<Proposal> whenFailing(PlanningContext context);
}
