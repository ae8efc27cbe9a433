package io.perfopt.api;

import java.util.Set;

/**
 * What a plugin knows about an agent: its id, its class (the kind of agent, such as
 * {@code market-hunter}) and its tags, all from {@code conf/agents.yaml} or a run-time
 * registration. Per-agent plugins decide from these whether they serve the agent.
 *
 * @param id         unique agent id
 * @param agentClass the kind of agent; {@code generic} when none was declared
 * @param tags       free labels such as {@code trading} or {@code llm}
 */
public record AgentDescriptor(String id, String agentClass, Set<String> tags) {

    /** The class given to agents that declare none. */
    public static final String GENERIC_CLASS = "generic";

    public AgentDescriptor {
        Require.notBlank("agent id", id);
        agentClass = agentClass == null || agentClass.isBlank() ? GENERIC_CLASS : agentClass;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** An agent of the generic class without tags. */
    public static AgentDescriptor of(String id) {
        return new AgentDescriptor(id, GENERIC_CLASS, Set.of());
    }

    /** An agent of the given class without tags. */
    public static AgentDescriptor of(String id, String agentClass) {
        return new AgentDescriptor(id, agentClass, Set.of());
    }

    /** Whether the agent carries the tag. */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
