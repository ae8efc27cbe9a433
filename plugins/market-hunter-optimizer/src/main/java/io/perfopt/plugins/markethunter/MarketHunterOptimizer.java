package io.perfopt.plugins.markethunter;

import static io.perfopt.api.tuning.DirectionPrior.down;
import static io.perfopt.api.tuning.DirectionPrior.up;

import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.spi.AgentKindOptimizer;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.tuning.EnumSwitch;
import io.perfopt.api.tuning.KnobPriors;
import io.perfopt.api.tuning.KnobTuner;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Knows the {@code market-hunter}, which scans news, social and on-chain sources for
 * opportunities.
 *
 * <ul>
 *   <li>Too slow: cache more quotes ({@code cache.size} up), ask fewer sources per decision
 *       ({@code query.breadth} down), give up sooner ({@code decision.timeout.ms} down), lean on
 *       news, the quickest feed ({@code source.priority → news}); the success rate is guarded.</li>
 *   <li>Too many misses: look wider ({@code query.breadth} up), take more time
 *       ({@code decision.timeout.ms} up), mix sources ({@code source.priority → balanced});
 *       response time and decision count are guarded.</li>
 * </ul>
 * Numeric knobs follow a line search on this agent's verdicts; a source switch that was rolled
 * back is not proposed again for a while.
 */
@Extension
public class MarketHunterOptimizer extends AgentKindOptimizer {

    private static final Guardrail NO_SLOWER = new Guardrail("responseTimeMs", 20);
    private static final Guardrail NO_FEWER_DECISIONS = new Guardrail("decisionCount", 10);

    private static final KnobTuner FASTER = KnobTuner.builder("to answer faster")
            .knobsNamed("cache.size", "query.breadth", "decision.timeout.ms")
            .priors(KnobPriors.byName()
                    .when("cache.size", up(0.7))
                    .when("query.breadth", down(0.6))
                    .otherwise(down(0.5)))
            .guardrail(Guardrail.of("successRate"))
            .build();

    private static final KnobTuner SURER = KnobTuner.builder("to miss fewer opportunities")
            .knobsNamed("query.breadth", "decision.timeout.ms")
            .priors(KnobPriors.byName()
                    .when("query.breadth", up(0.6))
                    .otherwise(up(0.55)))
            .guardrail(NO_SLOWER)
            .guardrail(NO_FEWER_DECISIONS)
            .build();

    public MarketHunterOptimizer() {
        super("market-hunter-optimizer", "market-hunter");
    }

    @Override
    protected List<Proposal> whenSlow(PlanningContext context) {
        List<Proposal> proposals = new ArrayList<>(FASTER.propose(context));
        EnumSwitch.to(context, "source.priority", "news").ifPresent(move -> proposals.add(
                move.toProposal("to answer faster: news is the quickest feed")
                        .prior(0.5).risk(0.15).guardrail(Guardrail.of("successRate")).build()));
        return proposals;
    }

    @Override
    protected List<Proposal> whenFailing(PlanningContext context) {
        List<Proposal> proposals = new ArrayList<>(SURER.propose(context));
        EnumSwitch.to(context, "source.priority", "balanced").ifPresent(move -> proposals.add(
                move.toProposal("to miss fewer opportunities: a mix of sources sees more signals")
                        .prior(0.6).risk(0.15).guardrail(NO_SLOWER).guardrail(NO_FEWER_DECISIONS).build()));
        return proposals;
    }
}
