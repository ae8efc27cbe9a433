package io.perfopt.api.tuning;

import io.perfopt.api.Require;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a plugin's knowledge into proposals: for each selected knob, the next step of its
 * {@link LineSearch} from its {@link KnobPriors prior}, as a proposal with the plugin's
 * guardrails, best belief first. One proposal per knob; perfopt picks among them (and among
 * other plugins') by what it has learned.
 *
 * <pre>{@code
 * KnobTuner tuner = KnobTuner.builder("to cut response time")
 *         .knobs(ctx -> ctx.knobsTagged("latency"))
 *         .priors(KnobPriors.byTag().when("cache", DirectionPrior.up(0.65)).otherwise(DirectionPrior.NEUTRAL))
 *         .guardrail(Guardrail.of("successRate"))
 *         .build();
 * List<Proposal> proposals = tuner.propose(context);
 * }</pre>
 */
public final class KnobTuner {

    // a coarser step is a bigger bet: risk grows by this much per ladder level
    private static final double RISK_PER_LEVEL = 0.03;

    private final String purpose;
    private final Function<PlanningContext, List<Knob>> knobs;
    private final KnobPriors priors;
    private final LineSearch search;
    private final List<Guardrail> guardrails;
    private final Function<Knob, String> targetMetric;
    private final double baseRisk;
    private final int maxProposals;

    private KnobTuner(Builder b) {
        this.purpose = b.purpose;
        this.knobs = b.knobs;
        this.priors = b.priors;
        this.search = b.search;
        this.guardrails = List.copyOf(b.guardrails);
        this.targetMetric = b.targetMetric;
        this.baseRisk = b.baseRisk;
        this.maxProposals = b.maxProposals;
    }

    /** Starts a tuner; {@code purpose} ends the first part of each description, e.g. "to cut response time". */
    public static Builder builder(String purpose) {
        return new Builder(purpose);
    }

    /**
     * The next steps of the selected knobs, best belief first. When every knob with a step to make
     * rests, the one that has rested longest is woken: rests are counted in judged changes, so with
     * every knob resting none would ever end and the search would stop short of the optimum.
     */
    public List<Proposal> propose(PlanningContext context) {
        List<SearchStep> steps = new ArrayList<>();
        Knob longestResting = null;
        int restingSince = Integer.MAX_VALUE;
        for (Knob knob : knobs.apply(context)) {
            DirectionPrior prior = priors.of(knob);
            SearchState state = search.state(context, knob, prior);
            if (state.resting() && state.restingSince() < restingSince) {
                longestResting = knob;
                restingSince = state.restingSince();
            }
            search.next(state, knob, prior).ifPresent(steps::add);
        }
        if (steps.isEmpty() && longestResting != null) {
            DirectionPrior prior = priors.of(longestResting);
            search.next(search.woken(context, longestResting, prior), longestResting, prior).ifPresent(steps::add);
        }
        return steps.stream()
                .sorted(Comparator.comparingDouble(SearchStep::prior).reversed())
                .limit(maxProposals)
                .map(this::proposal)
                .toList();
    }

    private Proposal proposal(SearchStep step) {
        Move move = step.move();
        Proposal.Builder b = Proposal.builder(move.describe() + " " + purpose + ": " + step.reason())
                .change(move.change())
                .step(move.label())
                .prior(step.prior())
                .risk(Math.min(1, baseRisk + RISK_PER_LEVEL * move.level()))
                .targetMetric(targetMetric.apply(move.knob()));
        guardrails.forEach(b::guardrail);
        return b.build();
    }

    /** Builds a {@link KnobTuner}; every option has the default shown in its setter. */
    public static final class Builder {
        private final String purpose;
        private Function<PlanningContext, List<Knob>> knobs = PlanningContext::knobs;
        private KnobPriors priors = KnobPriors.always(DirectionPrior.NEUTRAL);
        private LineSearch search = LineSearch.defaults();
        private final List<Guardrail> guardrails = new ArrayList<>();
        private Function<Knob, String> targetMetric = knob -> null;
        private double baseRisk = 0.1;
        private int maxProposals = 4;

        private Builder(String purpose) {
            this.purpose = Require.notBlank("purpose", purpose);
        }

        /** The knobs to tune (every knob of the agent). */
        public Builder knobs(Function<PlanningContext, List<Knob>> selection) {
            this.knobs = Require.notNull("knobs", selection);
            return this;
        }

        /** The knobs carrying any of these tags. */
        public Builder knobsTagged(String... tags) {
            return knobs(context -> context.knobsTagged(tags));
        }

        /** The knobs of these names that the agent has. */
        public Builder knobsNamed(String... names) {
            List<String> wanted = List.of(names);
            return knobs(context -> context.knobs().stream().filter(k -> wanted.contains(k.name())).toList());
        }

        /** Which way each knob is believed to help (neutral). */
        public Builder priors(KnobPriors value) {
            this.priors = Require.notNull("priors", value);
            return this;
        }

        /** The search rules ({@link LineSearch#defaults()}). */
        public Builder search(LineSearch value) {
            this.search = Require.notNull("search", value);
            return this;
        }

        /** Adds a metric every proposal must not worsen (none). */
        public Builder guardrail(Guardrail guardrail) {
            guardrails.add(Require.notNull("guardrail", guardrail));
            return this;
        }

        /** The metric a step of each knob is judged on; null for the bottleneck's (null). */
        public Builder targetMetric(Function<Knob, String> value) {
            this.targetMetric = Require.notNull("targetMetric", value);
            return this;
        }

        /** The risk of a finest step; each coarser level adds 0.03 (0.1). */
        public Builder baseRisk(double value) {
            this.baseRisk = Require.between("baseRisk", value, 0, 1);
            return this;
        }

        /** At most this many proposals per call, the most believed first (4). */
        public Builder maxProposals(int value) {
            this.maxProposals = (int) Require.between("maxProposals", value, 1, 100);
            return this;
        }

        public KnobTuner build() {
            return new KnobTuner(this);
        }
    }
}
