package io.perfopt.engine.testing;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A plugin whose proposals a test scripts. */
public final class ScriptedPlugin implements OptimizerPlugin {

    private final String id;
    private final Set<BottleneckType> types;
    private final Function<PlanningContext, List<Proposal>> script;

    public ScriptedPlugin(String id, Set<BottleneckType> types, Function<PlanningContext, List<Proposal>> script) {
        this.id = id;
        this.types = types;
        this.script = script;
    }

    /** Proposes multiplying one knob by a factor for response-time bottlenecks. */
    public static ScriptedPlugin scaling(String id, String knob, double factor, double risk) {
        return new ScriptedPlugin(id, Set.of(BottleneckType.RESPONSE_TIME), ctx -> ctx.knob(knob)
                .map(k -> List.of(Proposal.builder("scale " + knob + " by " + factor)
                        .change(k.changeTo(k.value() * factor)).step("x" + factor).risk(risk).build()))
                .orElse(List.of()));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<BottleneckType> handles() {
        return types;
    }

    @Override
    public List<Proposal> propose(PlanningContext context) {
        return script.apply(context);
    }
}
