package io.perfopt.simulator.agent;

/**
 * The state of the world a request meets, set by injected faults: how much slower the agent's
 * work and its message link are than normal, and the chance a request fails outright.
 *
 * @param workSlowdown    factor on every unit of work (a slow backend, a noisy neighbour), >= 1
 * @param messageSlowdown factor on the message link's work, >= 1
 * @param errorRate       probability a request fails before any work, 0..1
 */
public record Conditions(double workSlowdown, double messageSlowdown, double errorRate) {

    /** No fault. */
    public static final Conditions NORMAL = new Conditions(1, 1, 0);

    public Conditions {
        if (!(workSlowdown >= 1) || !(messageSlowdown >= 1) || Double.isInfinite(workSlowdown)
                || Double.isInfinite(messageSlowdown)) {
            throw new IllegalArgumentException("slowdowns must be finite and >= 1, got " + workSlowdown + " and "
                    + messageSlowdown);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be within 0..1, got " + errorRate);
        }
    }
}
