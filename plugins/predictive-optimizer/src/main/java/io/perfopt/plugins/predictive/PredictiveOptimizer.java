package io.perfopt.plugins.predictive;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.tuning.DirectionPrior;
import io.perfopt.api.tuning.KnobPriors;
import io.perfopt.api.tuning.KnobTuner;
import io.perfopt.api.tuning.LineSearch;
import io.perfopt.api.tuning.StepLadder;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Acts before a latency threshold is crossed: for a <em>forecast</em> response-time breach only,
 * it adds capacity gently (knobs tagged {@code capacity}, {@code concurrency} or {@code cache},
 * one ×1.3 step at a time, never growing the step, never lowering anything), at low risk, so
 * that the change can run without approval while there is still time.
 *
 * <p>A knob already in the top tenth of its range is left alone: headroom spent ahead of time
 * is not there when the breach comes. CPU and memory are guarded (at most 25 % more).
 */
@Extension
public class PredictiveOptimizer implements OptimizerPlugin {

    // a knob in the top tenth of its range has no headroom left to give ahead of time
    private static final double HEADROOM = 0.9;

    private static final KnobTuner TUNER = KnobTuner.builder("ahead of a forecast latency breach")
            .knobs(PredictiveOptimizer::withHeadroom)
            .priors(KnobPriors.byTag()
                    .when("cache", DirectionPrior.up(0.6))
                    .otherwise(DirectionPrior.up(0.55)))
            .search(LineSearch.defaults().oneWay(ChangeDirection.UP).withStartLevel(1)
                    .withFinestLevel(StepLadder.FINEST).withoutExpansion())
            .guardrail(new Guardrail("cpu", 25))
            .guardrail(new Guardrail("memory", 25))
            .baseRisk(0.05)
            .maxProposals(3)
            .build();

    @Override
    public String id() {
        return "predictive-optimizer";
    }

    @Override
    public Set<BottleneckType> handles() {
        return Set.of(BottleneckType.RESPONSE_TIME);
    }

    /** Only forecasts: an observed breach is the latency optimizer's. */
    @Override
    public boolean handles(Bottleneck bottleneck) {
        return bottleneck.origin() == Origin.PROACTIVE && handles().contains(bottleneck.type());
    }

    @Override
    public List<Proposal> propose(PlanningContext context) {
        return TUNER.propose(context);
    }

    private static List<Knob> withHeadroom(PlanningContext context) {
        return context.knobsTagged("capacity", "concurrency", "cache").stream()
                .filter(k -> k.value() < k.min() + HEADROOM * k.span())
                .toList();
    }
}
