package io.perfopt.integration.cluster;

import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.integration.actuate.KnobCache;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.collect.PollRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node does when an agent comes or goes: it starts or stops the agent's poll route,
 * and forgets the detection, forecast, metric and knob state of an agent it lost, so that nothing
 * stale is acted on should the agent come back. Open changes need nothing here: they live in the
 * shared journal, and the owner's next cycle takes them over.
 */
public final class LocalHandover implements OwnershipListener {

    private static final Logger log = LoggerFactory.getLogger(LocalHandover.class);

    private final AgentRegistry registry;
    private final PollRoutes polls;
    private final OptimizationLoop loop;
    private final KnobCache knobs;

    /** @param polls the poll routes; null when agents are polled only at the start of cycles */
    public LocalHandover(AgentRegistry registry, PollRoutes polls, OptimizationLoop loop, KnobCache knobs) {
        this.registry = registry;
        this.polls = polls;
        this.loop = loop;
        this.knobs = knobs;
    }

    @Override
    public void gained(String agentId) {
        log.info("agent {}: now optimized by this node", agentId);
        if (polls != null) {
            registry.find(agentId).ifPresent(polls::start);
        }
    }

    @Override
    public void lost(String agentId) {
        log.info("agent {}: no longer optimized by this node", agentId);
        if (polls != null) {
            polls.stop(agentId);
        }
        loop.forgetAgent(agentId);
        loop.metrics().forget(agentId);
        knobs.forget(agentId);
    }
}
