package io.perfopt.api.optimization;

/** The recommendations the seed design names, for what perfopt cannot fix by itself. */
public enum RecommendationKind {
    /** The agent's changes keep failing: let the orchestrator give it less autonomy. */
    REDUCE_AUTONOMY,
    /** The agent stays slow after every knob was tried: it needs more capacity. */
    INCREASE_RESOURCES,
    /** Many agents coordinate badly: the problem is the system's, not one agent's. */
    IMPROVE_COORDINATION
}
