package io.perfopt.engine.fleet;

import io.perfopt.api.AgentDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * Port: the agents this node is responsible for. On a single node that is every configured
 * agent; in a cluster, the agents whose partition this member owns.
 */
public interface AgentDirectory {

    /** The agents this node optimizes, in a stable order. */
    List<AgentDescriptor> owned();

    /** Any known agent by id, owned or not. */
    Optional<AgentDescriptor> find(String agentId);

    /** Whether this node optimizes that agent. */
    default boolean owns(String agentId) {
        return owned().stream().anyMatch(a -> a.id().equals(agentId));
    }
}
