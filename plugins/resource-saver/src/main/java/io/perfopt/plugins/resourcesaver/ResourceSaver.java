package io.perfopt.plugins.resourcesaver;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Guardrail;
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
 * Gives resources back when asked to (the "reduce resources" command raises a
 * {@code RESOURCE_PRESSURE} bottleneck on agents where every threshold holds): it lowers the
 * knobs tagged {@code resource}, {@code capacity} or {@code cache} by about a quarter (÷1.3) at a
 * time, and after a rollback tries a smaller step (÷1.15) before leaving the knob alone.
 *
 * <p>Caches and context windows are judged on {@code memory}, workers and concurrency on
 * {@code cpu}. Response time and success rate are guarded, and perfopt rolls back any step that
 * newly crosses a threshold, so the agent only ever gives back what it does not need.
 */
@Extension
public class ResourceSaver implements OptimizerPlugin {

    private static final KnobTuner TUNER = KnobTuner.builder("to give resources back")
            .knobsTagged("resource", "capacity", "cache")
            .priors(KnobPriors.byTag()
                    .when("cache", DirectionPrior.down(0.6))
                    .otherwise(DirectionPrior.down(0.55)))
            .search(LineSearch.defaults().oneWay(ChangeDirection.DOWN).withStartLevel(1)
                    .withFinestLevel(StepLadder.FINEST).withoutExpansion())
            .targetMetric(ResourceSaver::resourceOf)
            .guardrail(new Guardrail("responseTimeMs", 10))
            .guardrail(new Guardrail("successRate", 5))
            .baseRisk(0.1)
            .build();

    @Override
    public String id() {
        return "resource-saver";
    }

    @Override
    public Set<BottleneckType> handles() {
        return Set.of(BottleneckType.RESOURCE_PRESSURE);
    }

    @Override
    public List<Proposal> propose(PlanningContext context) {
        return TUNER.propose(context);
    }

    /** What lowering the knob frees: threads free CPU, everything else (caches, windows) memory. */
    static String resourceOf(Knob knob) {
        return knob.hasAnyTag("concurrency", "capacity") && !knob.hasTag("cache") ? "cpu" : "memory";
    }
}
