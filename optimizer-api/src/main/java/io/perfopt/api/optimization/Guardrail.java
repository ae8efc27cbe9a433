package io.perfopt.api.optimization;

import io.perfopt.api.Require;

/**
 * A metric that must not get worse while a change improves its target, e.g. a success-rate fix
 * must not "succeed" by making far fewer decisions. A change that worsens a guardrail metric
 * significantly and by more than {@code tolerancePercent} is rolled back as degraded.
 *
 * @param metric           the guarded metric
 * @param tolerancePercent the largest acceptable worsening, in percent of its value before
 */
public record Guardrail(String metric, double tolerancePercent) {

    public Guardrail {
        Require.notBlank("guardrail metric", metric);
        Require.nonNegative("guardrail " + metric + " tolerance", tolerancePercent);
    }

    /** A guardrail with a 10 % tolerance. */
    public static Guardrail of(String metric) {
        return new Guardrail(metric, 10);
    }
}
