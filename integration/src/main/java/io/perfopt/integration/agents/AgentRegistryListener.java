package io.perfopt.integration.agents;

/**
 * Hears of every change of the fleet, e.g. to create or remove an agent's poll route. Called on
 * the thread that made the change, in the order of the changes, while the registry holds its
 * lock: keep it short and do not block on other threads that may change the registry.
 */
@FunctionalInterface
public interface AgentRegistryListener {

    void onChange(AgentChange change);
}
