package io.perfopt.integration.collect;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.engine.fleet.AgentDirectory;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The engine's view of the fleet: the registry's agents, of which this node owns those the predicate accepts. */
public final class RegistryDirectory implements AgentDirectory {

    private final AgentRegistry registry;
    private final Predicate<String> owned;

    public RegistryDirectory(AgentRegistry registry, Predicate<String> owned) {
        this.registry = registry;
        this.owned = owned;
    }

    @Override
    public List<AgentDescriptor> owned() {
        return registry.agents().stream().filter(a -> owned.test(a.id())).map(AgentConfig::descriptor)
                .sorted(Comparator.comparing(AgentDescriptor::id)).toList();
    }

    @Override
    public Optional<AgentDescriptor> find(String agentId) {
        return registry.find(agentId).map(AgentConfig::descriptor);
    }

    @Override
    public boolean owns(String agentId) {
        return registry.find(agentId).isPresent() && owned.test(agentId);
    }
}
