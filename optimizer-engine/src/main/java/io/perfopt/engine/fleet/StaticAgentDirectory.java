package io.perfopt.engine.fleet;

import io.perfopt.api.AgentDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link AgentDirectory} that owns every agent it is given: a one-node fleet, and tests. */
public final class StaticAgentDirectory implements AgentDirectory {

    private final Map<String, AgentDescriptor> agents = new ConcurrentSkipListMap<>();

    public StaticAgentDirectory(List<AgentDescriptor> agents) {
        agents.forEach(this::add);
    }

    /** Adds or replaces an agent. */
    public void add(AgentDescriptor agent) {
        agents.put(agent.id(), agent);
    }

    /** Removes an agent. */
    public void remove(String agentId) {
        agents.remove(agentId);
    }

    @Override
    public List<AgentDescriptor> owned() {
        return agents.values().stream().sorted(Comparator.comparing(AgentDescriptor::id)).toList();
    }

    @Override
    public Optional<AgentDescriptor> find(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    @Override
    public boolean owns(String agentId) {
        return agents.containsKey(agentId);
    }
}
