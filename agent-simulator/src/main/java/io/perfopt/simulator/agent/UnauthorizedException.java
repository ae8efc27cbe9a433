package io.perfopt.simulator.agent;

/** A control request without the agent's bearer token. */
public final class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String agentId) {
        super("agent " + agentId + " requires a bearer token for its control endpoints");
    }
}
