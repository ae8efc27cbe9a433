package io.perfopt.api.spi;

/** An actuator could not read or change an agent's knobs; the message says which agent and why. */
public class ActuationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String agentId;

    public ActuationException(String agentId, String message) {
        super("agent " + agentId + ": " + message);
        this.agentId = agentId;
    }

    public ActuationException(String agentId, String message, Throwable cause) {
        super("agent " + agentId + ": " + message, cause);
        this.agentId = agentId;
    }

    /** The agent concerned. */
    public String agentId() {
        return agentId;
    }
}
