package io.perfopt.simulator;

import io.perfopt.simulator.agent.AgentKind;

/**
 * One agent a fleet is to host.
 *
 * @param id                unique within the fleet; letters, digits, '.', '_' and '-'
 * @param kind              what kind of agent, with its knobs' start values
 * @param requestsPerSecond offered load; the kind's default unless set
 */
public record AgentSpec(String id, AgentKind kind, double requestsPerSecond) {

    public AgentSpec {
        if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("agent id must be letters, digits, '.', '_' or '-', got " + id);
        }
        if (kind == null) {
            throw new IllegalArgumentException("agent " + id + " needs a kind");
        }
        if (!(requestsPerSecond > 0) || requestsPerSecond > 100_000) {
            throw new IllegalArgumentException("agent " + id + ": requestsPerSecond must be within (0, 100000], got "
                    + requestsPerSecond);
        }
    }

    /** An agent of the kind at its default rate. */
    public static AgentSpec of(String id, AgentKind kind) {
        return new AgentSpec(id, kind, kind.requestsPerSecond());
    }

    /** This agent at another request rate. */
    public AgentSpec withRate(double newRequestsPerSecond) {
        return new AgentSpec(id, kind, newRequestsPerSecond);
    }

    /** This agent with one knob starting at another value (wire form: a number, boolean or enum name). */
    public AgentSpec withKnob(String knob, Object wireValue) {
        return new AgentSpec(id, kind.withStart(knob, wireValue), requestsPerSecond);
    }
}
