package io.perfopt.integration.collect;

import java.time.Instant;
import java.util.Map;

/**
 * How collecting one agent's metrics goes, as {@code /api/agents} shows it.
 *
 * @param polls               collections that delivered a document
 * @param failures            collections that delivered nothing usable
 * @param consecutiveFailures failures since the last success: above zero the agent is "failing"
 * @param lastSuccess         when metrics last arrived; null before the first
 * @param lastFailure         when collection last failed; null when never
 * @param lastError           the last failure's reason, naming the agent's answer; null when none
 * @param samplesAccepted     samples recorded
 * @param samplesRejected     values refused (NaN, out of range, malformed)
 * @param problems            failures and rejected values by kind (unreachable, timeout, http-500,
 *                            malformed, too-large, wrong-agent, invalid-value, ...)
 */
public record AgentCollection(long polls, long failures, int consecutiveFailures, Instant lastSuccess,
                              Instant lastFailure, String lastError, long samplesAccepted, long samplesRejected,
                              Map<String, Long> problems) {

    static final AgentCollection NONE = new AgentCollection(0, 0, 0, null, null, null, 0, 0, Map.of());

    public AgentCollection {
        problems = Map.copyOf(problems);
    }
}
