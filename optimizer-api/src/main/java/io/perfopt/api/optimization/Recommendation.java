package io.perfopt.api.optimization;

import io.perfopt.api.Require;

/**
 * Advice to the orchestrator, made only when the data supports it.
 *
 * @param kind   what is recommended
 * @param target the agent id, or {@code system}
 * @param reason the evidence, one sentence
 */
public record Recommendation(RecommendationKind kind, String target, String reason) {

    public Recommendation {
        Require.notNull("kind", kind);
        Require.notBlank("target", target);
        Require.notBlank("reason", reason);
    }
}
