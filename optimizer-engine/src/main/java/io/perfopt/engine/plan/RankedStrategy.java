package io.perfopt.engine.plan;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.OptimizationStrategy;
import java.util.Comparator;
import java.util.List;

/**
 * A strategy with its Thompson draw and the agent's knobs as read for planning.
 *
 * @param strategy the strategy
 * @param score    this cycle's Thompson draw of its expected gain: the ranking's second key
 * @param knobs    the agent's knobs when it was planned
 */
public record RankedStrategy(OptimizationStrategy strategy, double score, List<Knob> knobs) {

    /**
     * The ranking: severity first, then the (sampled) expected improvement, then the cheaper
     * implementation, then the id, so that equal candidates always come out in the same order.
     */
    public static final Comparator<RankedStrategy> ORDER = Comparator
            .comparing((RankedStrategy r) -> r.strategy().priority()).reversed()
            .thenComparing(Comparator.comparingDouble(RankedStrategy::score).reversed())
            .thenComparing(r -> r.strategy().implementationTime())
            .thenComparing(r -> r.strategy().id());

    public RankedStrategy {
        knobs = List.copyOf(knobs);
    }
}
