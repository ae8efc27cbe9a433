package io.perfopt.plugins.coordination;

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
 * Improves how agents work together through the knobs tagged {@code coordination} or
 * {@code negotiation}: more negotiation rounds usually settle conflicts, longer message timeouts
 * drop fewer exchanges, smaller batches deliver fresher messages; a line search per knob finds
 * out how far each holds on this agent.
 *
 * <p>Coordination bought with slowness is no gain: every proposal guards
 * {@code messageLatencyMs} and {@code conflictResolutionTimeMs} (at most 15 % worse each).
 */
@Extension
public class CoordinationOptimizer implements OptimizerPlugin {

    static final KnobPriors PRIORS = KnobPriors.byTag()
            .when("negotiation", DirectionPrior.up(0.55))
            .when("timeout", DirectionPrior.up(0.55))
            .when("batching", DirectionPrior.down(0.55))
            .otherwise(DirectionPrior.NEUTRAL);

    private static final KnobTuner TUNER = KnobTuner.builder("to improve coordination")
            .knobsTagged("coordination", "negotiation")
            .priors(PRIORS)
            .guardrail(new Guardrail("messageLatencyMs", 15))
            .guardrail(new Guardrail("conflictResolutionTimeMs", 15))
            .baseRisk(0.12)
            .build();

    @Override
    public String id() {
        return "coordination-optimizer";
    }

    @Override
    public Set<BottleneckType> handles() {
        return Set.of(BottleneckType.COORDINATION);
    }

    @Override
    public List<Proposal> propose(PlanningContext context) {
        return TUNER.propose(context);
    }
}
