package io.perfopt.integration.persist;

import io.perfopt.api.Require;
import java.time.Instant;

/**
 * One command as the audit log keeps it.
 *
 * @param time          when it was received
 * @param node          the node that received it
 * @param caller        who sent it (the authenticated caller, or the remote address)
 * @param command       its name, e.g. {@code optimize-now}, {@code approve}
 * @param argumentsJson its arguments as a JSON document; {@code {}} when none
 * @param accepted      whether perfopt carried it out
 * @param message       perfopt's answer, or why it refused
 */
public record CommandAudit(Instant time, String node, String caller, String command, String argumentsJson,
                           boolean accepted, String message) {

    public CommandAudit {
        Require.notNull("audit time", time);
        Require.notBlank("audit node", node);
        Require.notBlank("audit caller", caller);
        Require.notBlank("audit command", command);
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
        try {
            io.perfopt.integration.api.Json.mapper().readTree(argumentsJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("arguments of command " + command + " must be a JSON document, got "
                    + argumentsJson + ": " + e.getOriginalMessage());
        }
        message = message == null ? "" : message;
    }
}
