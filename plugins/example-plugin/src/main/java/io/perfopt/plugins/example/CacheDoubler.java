package io.perfopt.plugins.example;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** The example of docs/PLUGINS.md: against slow responses, double every cache that can still grow. */
@Extension
public class CacheDoubler implements OptimizerPlugin {

    @Override
    public String id() {
        return "example-plugin";
    }

    @Override
    public Set<BottleneckType> handles() {
        return Set.of(BottleneckType.RESPONSE_TIME);
    }

    @Override
    public List<Proposal> propose(PlanningContext context) {
        return context.knobsTagged("cache").stream()
                .filter(knob -> knob.value() < knob.max())
                .map(knob -> Proposal.builder("double " + knob.name() + " so that fewer lookups miss")
                        .change(knob.changeTo(Math.max(1, knob.value() * 2)))
                        .step("x2").prior(0.6).build())
                .toList();
    }
}
