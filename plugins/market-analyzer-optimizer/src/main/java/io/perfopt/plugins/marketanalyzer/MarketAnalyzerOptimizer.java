package io.perfopt.plugins.marketanalyzer;

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
 * Knows the {@code market-analyzer}, which scores sentiment with a model and matches price
 * patterns over a window of indicators.
 *
 * <ul>
 *   <li>Too slow: one model step toward {@code fast}, more indicator cache, a shorter pattern
 *       window; the success rate is guarded.</li>
 *   <li>Too many wrong calls: one model step toward {@code accurate}, a calmer (lower) sentiment
 *       temperature, a longer pattern window; response time and decision count are guarded.</li>
 * </ul>
 * The models are ordered fast, balanced, accurate, so the model moves one value at a time and
 * never jumps from one end to the other in a single change.
 */
@Extension
public class MarketAnalyzerOptimizer extends AgentKindOptimizer {

    private static final Guardrail NO_MORE_FAILURES = Guardrail.of("successRate");
    private static final Guardrail NO_SLOWER = new Guardrail("responseTimeMs", 20);
    private static final Guardrail NO_FEWER_DECISIONS = new Guardrail("decisionCount", 10);

    private static final KnobTuner FASTER = KnobTuner.builder("to analyse faster")
            .knobsNamed("indicator.cache.size", "pattern.window")
            .priors(KnobPriors.byName()
                    .when("indicator.cache.size", up(0.7))
                    .otherwise(down(0.55)))
            .guardrail(NO_MORE_FAILURES)
            .build();

    private static final KnobTuner SHARPER = KnobTuner.builder("to make fewer wrong calls")
            .knobsNamed("sentiment.temperature", "pattern.window")
            .priors(KnobPriors.byName()
                    .when("sentiment.temperature", down(0.6))
                    .otherwise(up(0.5)))
            .guardrail(NO_SLOWER)
            .guardrail(NO_FEWER_DECISIONS)
            .build();

    public MarketAnalyzerOptimizer() {
        super("market-analyzer-optimizer", "market-analyzer");
    }

    @Override
    protected List<Proposal> whenSlow(PlanningContext context) {
        List<Proposal> proposals = new ArrayList<>();
        EnumSwitch.stepToward(context, "sentiment.model", "fast").ifPresent(move -> proposals.add(
                move.toProposal("to analyse faster: a lighter model scores sooner")
                        .prior(0.65).risk(0.15).guardrail(NO_MORE_FAILURES).build()));
        proposals.addAll(FASTER.propose(context));
        return proposals;
    }

    @Override
    protected List<Proposal> whenFailing(PlanningContext context) {
        List<Proposal> proposals = new ArrayList<>();
        EnumSwitch.stepToward(context, "sentiment.model", "accurate").ifPresent(move -> proposals.add(
                move.toProposal("to make fewer wrong calls: a heavier model reads sentiment better")
                        .prior(0.6).risk(0.15).guardrail(new Guardrail("responseTimeMs", 25))
                        .guardrail(NO_FEWER_DECISIONS).build()));
        proposals.addAll(SHARPER.propose(context));
        return proposals;
    }
}
