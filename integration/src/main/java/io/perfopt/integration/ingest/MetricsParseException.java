package io.perfopt.integration.ingest;

import java.util.Optional;

/**
 * A metrics document (or batch) was rejected as a whole: too large, not JSON, no agent id, a
 * bad timestamp, no usable metric, or the wrong agent. The message names the agent when it is
 * known and says why.
 */
public class MetricsParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String agentId;
    private final String reason;

    public MetricsParseException(String agentId, String reason) {
        this(agentId, reason, null);
    }

    public MetricsParseException(String agentId, String reason, Throwable cause) {
        super((agentId == null ? "metrics document" : "agent " + agentId) + ": " + reason, cause);
        this.agentId = agentId;
        this.reason = reason;
    }

    /** Why the document was rejected, without the agent. */
    public String reason() {
        return reason;
    }

    /** The agent the document came from or claimed to be, when known. */
    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }
}
