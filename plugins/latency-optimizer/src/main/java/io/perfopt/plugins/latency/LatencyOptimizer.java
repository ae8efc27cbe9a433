package io.perfopt.plugins.latency;

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
 * Cuts response time on any agent, knowing no knob by name: a line search per knob tagged
 * {@code latency} that learns each knob's direction and step from this agent's verdicts. It goes
 * on after a kept step with a bigger one, turns back after a rolled-back one, aims at the
 * interpolated best value once worse points lie on both sides, and leaves a knob that shows no
 * effect alone for a while (see {@link io.perfopt.api.tuning.LineSearch}).
 *
 * <p>Before anything is measured it leans on the tags: more cache usually cuts latency, more
 * concurrency helps until contention; timeouts, batching, retries, models and other resource
 * knobs (a context window) can go either way and are tried smaller or cheaper first. The success
 * rate is guarded, so that no step buys speed by failing more decisions.
 */
@Extension
public class LatencyOptimizer implements OptimizerPlugin {

    static final KnobPriors PRIORS = KnobPriors.byTag()
            .when("cache", DirectionPrior.up(0.65))
            .when("concurrency", DirectionPrior.up(0.55))
            .when("capacity", DirectionPrior.up(0.55))
            .when("batching", DirectionPrior.down(0.5))
            .when("timeout", DirectionPrior.down(0.5))
            .when("retries", DirectionPrior.down(0.5))
            .when("model", DirectionPrior.down(0.5))
            .when("resource", DirectionPrior.down(0.5))
            .otherwise(DirectionPrior.NEUTRAL);

    private static final KnobTuner TUNER = KnobTuner.builder("to cut response time")
            .knobsTagged("latency")
            .priors(PRIORS)
            .guardrail(Guardrail.of("successRate"))
            .baseRisk(0.1)
            .build();

    @Override
    public String id() {
        return "latency-optimizer";
    }

    @Override
    public Set<BottleneckType> handles() {
        return Set.of(BottleneckType.RESPONSE_TIME);
    }

    @Override
    public List<Proposal> propose(PlanningContext context) {
        return TUNER.propose(context);
    }
}
