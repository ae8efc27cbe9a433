package io.perfopt.engine.command;

import java.util.Optional;

/**
 * The orchestrator's standing instructions: pause, focus, aggressiveness and resource saving.
 * Focus and resource saving last a number of cycles; thread-safe.
 */
public final class ControlState {

    /** Step multipliers from gentlest to boldest; the middle one is normal. */
    private static final double[] AGGRESSIVENESS = {0.5, 0.7, 1.0, 1.4, 2.0};

    private boolean paused;
    private int aggressivenessIndex = 2;
    private String focusAgent;
    private long focusUntilCycle;
    private String resourceTarget; // null with a positive until means every agent
    private long resourceUntilCycle;

    public synchronized boolean paused() {
        return paused;
    }

    public synchronized void paused(boolean value) {
        paused = value;
    }

    /** The current step multiplier, 0.5..2. */
    public synchronized double aggressiveness() {
        return AGGRESSIVENESS[aggressivenessIndex];
    }

    /** Moves the aggressiveness one notch; returns false at the end of the scale. */
    public synchronized boolean shiftAggressiveness(boolean up) {
        int next = aggressivenessIndex + (up ? 1 : -1);
        if (next < 0 || next >= AGGRESSIVENESS.length) {
            return false;
        }
        aggressivenessIndex = next;
        return true;
    }

    public synchronized void focus(String agentId, long untilCycle) {
        focusAgent = agentId;
        focusUntilCycle = untilCycle;
    }

    public synchronized void clearFocus() {
        focusAgent = null;
    }

    /** The agent in focus during that cycle, if any. */
    public synchronized Optional<String> focus(long cycle) {
        return focusAgent != null && cycle <= focusUntilCycle ? Optional.of(focusAgent) : Optional.empty();
    }

    public synchronized void reduceResources(String agentId, long untilCycle) {
        resourceTarget = agentId;
        resourceUntilCycle = untilCycle;
    }

    /** Whether that agent should give back resources during that cycle. */
    public synchronized boolean savingResources(String agentId, long cycle) {
        return cycle <= resourceUntilCycle && (resourceTarget == null || resourceTarget.equals(agentId));
    }

    /** A readable summary for status pages. */
    public synchronized String describe(long cycle) {
        return (paused ? "paused" : "running") + ", aggressiveness " + aggressiveness()
                + focus(cycle).map(a -> ", focus on " + a).orElse("")
                + (cycle <= resourceUntilCycle ? ", reducing resources on "
                + (resourceTarget == null ? "all agents" : resourceTarget) : "");
    }
}
