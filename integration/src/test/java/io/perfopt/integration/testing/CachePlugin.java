package io.perfopt.integration.testing;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import java.util.List;
import java.util.Set;

/**
 * A latency plugin given in code for tests: it multiplies a slow agent's {@code cache.size},
 * which really helps the simulated market-hunter (and narrative-architect).
 */
public final class CachePlugin implements OptimizerPlugin {

    private final String id;
    private final double factor;
    private final double risk;
    private final double below;

    private CachePlugin(String id, double factor, double risk, double below) {
        this.id = id;
        this.factor = factor;
        this.risk = risk;
        this.below = below;
    }

    /** Quadruples the cache (at least to 100 entries), at low risk: it runs unattended. */
    public static CachePlugin quadrupling(String id) {
        return new CachePlugin(id, 4, 0.1, Double.MAX_VALUE);
    }

    /** A forty-fold cache below 8000 entries, at risk 0.6: it waits for approval at the starting autonomy. */
    public static CachePlugin risky(String id) {
        return new CachePlugin(id, 40, 0.6, 8000);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<BottleneckType> handles() {
        return Set.of(BottleneckType.RESPONSE_TIME);
    }

    @Override
    public List<Proposal> propose(PlanningContext ctx) {
        return ctx.knob("cache.size").filter(k -> k.value() < Math.min(k.max(), below))
                .map(k -> List.of(Proposal.builder(factor > 10 ? "a much larger result cache" : "quadruple the result cache")
                        .change(k.changeTo(Math.max(100, k.value() * factor))).step("x" + (int) factor).risk(risk)
                        .build()))
                .orElse(List.of());
    }
}
