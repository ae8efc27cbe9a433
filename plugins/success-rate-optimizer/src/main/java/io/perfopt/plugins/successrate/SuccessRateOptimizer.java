package io.perfopt.plugins.successrate;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.tuning.DirectionPrior;
import io.perfopt.api.tuning.KnobPriors;
import io.perfopt.api.tuning.KnobTuner;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Raises the success rate through the knobs tagged {@code confidence}, {@code retries},
 * {@code model}, {@code query} or {@code success}, one line search per knob.
 *
 * <p>A success rate is easy to fake: decide only when sure, and the few decisions made succeed.
 * Every proposal therefore guards {@code decisionCount} (at most 10 % fewer decisions) and
 * {@code responseTimeMs} (at most 20 % slower, since retries and better models cost time).
 */
@Extension
public class SuccessRateOptimizer implements OptimizerPlugin {

    static final KnobPriors PRIORS = KnobPriors.byTag()
            .when("retries", DirectionPrior.up(0.6))
            .when("confidence", DirectionPrior.up(0.55))
            .when("query", DirectionPrior.up(0.55))
            .when("model", DirectionPrior.up(0.5))
            .otherwise(DirectionPrior.NEUTRAL);

    private static final KnobTuner TUNER = KnobTuner.builder("to raise the success rate")
            .knobsTagged("confidence", "retries", "model", "query", "success")
            .priors(PRIORS)
            .guardrail(new Guardrail("decisionCount", 10))
            .guardrail(new Guardrail("responseTimeMs", 20))
            .baseRisk(0.12)
            .build();

    @Override
    public String id() {
        return "success-rate-optimizer";
    }

    @Override
    public Set<BottleneckType> handles() {
        return Set.of(BottleneckType.SUCCESS_RATE);
    }

    @Override
    public List<Proposal> propose(PlanningContext context) {
        return TUNER.propose(context);
    }
}
