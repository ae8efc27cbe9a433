package io.perfopt.integration.ingest;

import io.perfopt.api.Require;

/**
 * What a {@link MappingRule} made of a scrape: a value, nothing yet for a reason that is no
 * fault (a rate's first scrape, no requests since the last one, a series the agent does not
 * expose), or a rejection of something that is wrong (NaN, ambiguous series, broken buckets).
 */
public sealed interface RuleOutcome {

    /** A value for the rule's metric, before scaling. */
    record Value(double value) implements RuleOutcome {
    }

    /** No value this time, and nothing is wrong. */
    record Skipped(String reason) implements RuleOutcome {
        public Skipped {
            Require.notBlank("reason", reason);
        }
    }

    /** No value because what the scrape held is unusable. */
    record Rejected(String reason) implements RuleOutcome {
        public Rejected {
            Require.notBlank("reason", reason);
        }
    }

    static RuleOutcome value(double value) {
        return new Value(value);
    }

    static RuleOutcome skipped(String reason) {
        return new Skipped(reason);
    }

    static RuleOutcome rejected(String reason) {
        return new Rejected(reason);
    }
}
