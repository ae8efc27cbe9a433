package io.perfopt.api.spi;

import io.perfopt.api.Require;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.optimization.Guardrail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plugin's suggestion: concrete knob changes for one bottleneck, how to judge them, and how
 * sure the plugin is before anything was learned. The engine turns proposals into ranked
 * {@link io.perfopt.api.optimization.OptimizationStrategy strategies}; it checks every change
 * against the agent's knobs (a knob that does not exist or a value out of range counts as a
 * plugin failure).
 *
 * <pre>{@code
 * Proposal.builder("raise the result cache to cut lookups")
 *         .change(cache.changeTo(cache.value() * 2))
 *         .step("x2").prior(0.7).risk(0.1)
 *         .guardrail(Guardrail.of("memory"))
 *         .build();
 * }</pre>
 *
 * @param description        what the change does and why, one sentence
 * @param changes            the knob changes, applied and judged together
 * @param targetMetric       the metric the change is judged on; null for the bottleneck's metric
 * @param guardrails         metrics that must not get worse
 * @param risk               0 (harmless) to 1 (dangerous); risky proposals may need approval
 * @param implementationTime how long applying it takes
 * @param prior              the plugin's belief, 0..1, that it helps, before learning knows
 * @param step               a label for the step size, so learning can tell step sizes apart
 */
public record Proposal(String description, List<KnobChange> changes, String targetMetric,
                       List<Guardrail> guardrails, double risk, Duration implementationTime, double prior,
                       String step) {

    public Proposal {
        Require.notBlank("proposal description", description);
        changes = List.copyOf(Require.notNull("changes", changes));
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("proposal \"" + description + "\" changes no knob");
        }
        if (targetMetric != null) {
            Require.notBlank("targetMetric", targetMetric);
        }
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
        Require.between("risk", risk, 0, 1);
        Require.nonNegative("implementationTime", implementationTime);
        Require.between("prior", prior, 0, 1);
        step = step == null ? "" : step;
    }

    /** Starts a proposal with defaults: risk 0.2, prior 0.5, implementation time 1 s. */
    public static Builder builder(String description) {
        return new Builder(description);
    }

    /** The knob names this proposal turns, joined with {@code +}: the knob part of its learning key. */
    public String knobKey() {
        return String.join("+", changes.stream().map(KnobChange::knob).toList());
    }

    /** Builds a {@link Proposal}. */
    public static final class Builder {
        private final String description;
        private final List<KnobChange> changes = new ArrayList<>();
        private final List<Guardrail> guardrails = new ArrayList<>();
        private String targetMetric;
        private double risk = 0.2;
        private Duration implementationTime = Duration.ofSeconds(1);
        private double prior = 0.5;
        private String step = "";

        private Builder(String description) {
            this.description = description;
        }

        /** Adds a knob change. */
        public Builder change(KnobChange change) {
            changes.add(change);
            return this;
        }

        /** Judges the proposal on this metric instead of the bottleneck's. */
        public Builder targetMetric(String metric) {
            this.targetMetric = metric;
            return this;
        }

        /** Adds a metric that must not get worse. */
        public Builder guardrail(Guardrail guardrail) {
            guardrails.add(guardrail);
            return this;
        }

        /** Sets the risk, 0..1 (default 0.2). */
        public Builder risk(double value) {
            this.risk = value;
            return this;
        }

        /** Sets the time applying it takes (default 1 s). */
        public Builder implementationTime(Duration value) {
            this.implementationTime = value;
            return this;
        }

        /** Sets the prior belief that it helps, 0..1 (default 0.5). */
        public Builder prior(double value) {
            this.prior = value;
            return this;
        }

        /** Labels the step size, e.g. {@code x2} or {@code -0.05}. */
        public Builder step(String label) {
            this.step = label;
            return this;
        }

        /** The proposal; throws {@link IllegalArgumentException} naming the bad field. */
        public Proposal build() {
            return new Proposal(description, changes, targetMetric, guardrails, risk, implementationTime, prior, step);
        }
    }
}
