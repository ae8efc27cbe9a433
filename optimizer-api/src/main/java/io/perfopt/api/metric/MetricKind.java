package io.perfopt.api.metric;

import io.perfopt.api.Require;

/** The range a metric's values live in; a value outside it is rejected at the door. */
public enum MetricKind {
    /** A fraction from 0 to 1: rates, scores, utilisation. */
    RATIO,
    /** A duration in milliseconds, never negative. */
    DURATION_MS,
    /** A count of events per observation, never negative. */
    COUNT,
    /** Any finite number: metrics perfopt does not know by name. */
    UNBOUNDED;

    /**
     * Throws {@link IllegalArgumentException} when {@code value} does not belong to this kind.
     *
     * @param what names the value in the message, e.g. {@code "metric successRate of agent a1"}
     */
    public void check(String what, double value) {
        switch (this) {
            case RATIO -> Require.between(what, value, 0, 1);
            case DURATION_MS, COUNT -> Require.nonNegative(what, value);
            case UNBOUNDED -> Require.finite(what, value);
        }
    }
}
