package io.perfopt.integration.api;

import java.util.Locale;

/**
 * A signal from the orchestrator or from alerting.
 *
 * @param kind    what it says
 * @param agentId the agent it names; null for the whole fleet
 * @param message its text, for the log
 */
record Signal(Kind kind, String agentId, String message) {

    /** The kinds of signal perfopt acts on. */
    enum Kind {
        /** Something is slow or failing: evaluate the named agent now. */
        PERFORMANCE_ALERT,
        /** An agent does worse than it should: evaluate it now. */
        AGENT_UNDERPERFORMANCE,
        /** Resources are short: prefer giving back capacity in the next plans. */
        RESOURCE_CONSTRAINT;

        static Kind parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("unknown signal type " + text
                        + "; use performance-alert, agent-underperformance or resource-constraint");
            }
        }
    }
}
