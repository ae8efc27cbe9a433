package io.perfopt.integration.persist;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import java.util.List;
import java.util.Set;

/** A latency plugin in code: quadruples a simulated agent's result cache, which really helps it. */
public final class QuadrupleCache implements OptimizerPlugin {

    @Override
    public String id() {
        return "quadruple-cache";
    }

    @Override
    public Set<BottleneckType> handles() {
        return Set.of(BottleneckType.RESPONSE_TIME);
    }

    @Override
    public List<Proposal> propose(PlanningContext ctx) {
        return ctx.knob("cache.size").filter(k -> k.value() < k.max())
                .map(k -> List.of(Proposal.builder("quadruple the result cache")
                        .change(k.changeTo(Math.max(100, k.value() * 4))).step("x4").risk(0.1).build()))
                .orElse(List.of());
    }
}
