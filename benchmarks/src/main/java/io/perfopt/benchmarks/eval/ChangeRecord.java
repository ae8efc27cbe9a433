package io.perfopt.benchmarks.eval;

import java.time.Instant;

/**
 * One verified change of one agent, whatever method made it: the configuration in force before,
 * the one tried, and whether the method kept it (otherwise it went back to {@code before}).
 *
 * @param agentId   the agent
 * @param at        when the method decided (the verdict's time)
 * @param before    the configuration before the change
 * @param candidate the configuration tried
 * @param kept      whether the candidate stayed
 */
public record ChangeRecord(String agentId, Instant at, Config before, Config candidate, boolean kept) {

    /** The configuration in force after the decision. */
    public Config after() {
        return kept ? candidate : before;
    }
}
