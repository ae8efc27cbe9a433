package io.perfopt.plugins.execution;

import static io.perfopt.api.tuning.DirectionPrior.down;
import static io.perfopt.api.tuning.DirectionPrior.up;

import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.spi.AgentKindOptimizer;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.tuning.KnobPriors;
import io.perfopt.api.tuning.KnobTuner;
import java.util.List;
import org.pf4j.Extension;

/**
 * Knows {@code intelligent-execution}, which checks signals for risk in batches and executes
 * them concurrently.
 *
 * <ul>
 *   <li>Too slow: more signals in flight ({@code signal.concurrency} up, until contention),
 *       smaller risk batches that do not wait to fill ({@code risk.batch.size} down), a shorter
 *       {@code decision.timeout.ms}; the success rate is guarded.</li>
 *   <li>Too many failed executions: more time to decide ({@code decision.timeout.ms} up) and
 *       smaller risk batches, checked more closely; response time and decision count are
 *       guarded.</li>
 * </ul>
 */
@Extension
public class ExecutionOptimizer extends AgentKindOptimizer {

    private static final KnobTuner FASTER = KnobTuner.builder("to execute faster")
            .knobsNamed("signal.concurrency", "risk.batch.size", "decision.timeout.ms")
            .priors(KnobPriors.byName()
                    .when("signal.concurrency", up(0.65))
                    .when("risk.batch.size", down(0.55))
                    .otherwise(down(0.5)))
            .guardrail(Guardrail.of("successRate"))
            .build();

    private static final KnobTuner SAFER = KnobTuner.builder("to fail fewer executions")
            .knobsNamed("decision.timeout.ms", "risk.batch.size")
            .priors(KnobPriors.byName()
                    .when("decision.timeout.ms", up(0.6))
                    .otherwise(down(0.5)))
            .guardrail(new Guardrail("responseTimeMs", 20))
            .guardrail(new Guardrail("decisionCount", 10))
            .build();

    public ExecutionOptimizer() {
        super("execution-optimizer", "intelligent-execution");
    }

    @Override
    protected List<Proposal> whenSlow(PlanningContext context) {
        return FASTER.propose(context);
    }

    @Override
    protected List<Proposal> whenFailing(PlanningContext context) {
        return SAFER.propose(context);
    }
}
