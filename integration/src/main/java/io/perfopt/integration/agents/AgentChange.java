package io.perfopt.integration.agents;

import io.perfopt.api.Require;

/**
 * A change of the fleet, as {@link AgentRegistry} announces it to its listeners.
 *
 * @param kind   what happened
 * @param before the agent before the change; null when it was added
 * @param after  the agent after the change; null when it was removed
 */
public record AgentChange(Kind kind, AgentConfig before, AgentConfig after) {

    /** What happened to the agent. */
    public enum Kind {
        /** A new agent: start polling it. */
        ADDED,
        /** An agent's configuration changed: restart what depends on it. */
        UPDATED,
        /** The agent is gone: stop polling it. */
        REMOVED
    }

    public AgentChange {
        Require.notNull("kind", kind);
        if ((kind == Kind.ADDED) != (before == null) || (kind == Kind.REMOVED) != (after == null)) {
            throw new IllegalArgumentException(kind + " change needs " + switch (kind) {
                case ADDED -> "only an after";
                case UPDATED -> "a before and an after";
                case REMOVED -> "only a before";
            });
        }
    }

    static AgentChange added(AgentConfig agent) {
        return new AgentChange(Kind.ADDED, null, agent);
    }

    static AgentChange updated(AgentConfig before, AgentConfig after) {
        return new AgentChange(Kind.UPDATED, before, after);
    }

    static AgentChange removed(AgentConfig agent) {
        return new AgentChange(Kind.REMOVED, agent, null);
    }

    /** The id of the agent concerned. */
    public String agentId() {
        return after != null ? after.id() : before.id();
    }
}
