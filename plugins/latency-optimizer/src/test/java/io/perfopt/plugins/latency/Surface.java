package io.perfopt.plugins.latency;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An agent whose response time is a smooth surface over four knobs tagged only {@code latency}:
 *
 * <pre>
 *   rt = 400 + 600·ln(pool / 24)² + 900·(mix − 0.7)² + 0.8·backlog     (ms)
 *   pool    int 1..64      interior optimum at 24
 *   mix     double 0..1    interior optimum at 0.7
 *   backlog int 0..1000    more always hurts
 *   noise   int 0..10      does nothing
 * </pre>
 *
 * Changes are judged as perfopt would with a 5 % tolerance band: kept when the response time
 * falls by more than 5 %, degraded when it rises by more, no effect otherwise.
 */
final class Surface {

    static final double TOLERANCE_PERCENT = 5;

    private final FakeContext agent = FakeContext.agent("s1", "surface").knobs(
            Knob.ofInt("pool", 1, 64, 4, "latency"),
            Knob.ofDouble("mix", 0, 1, 0.2, "latency"),
            Knob.ofInt("backlog", 0, 1000, 400, "latency"),
            Knob.ofInt("noise", 0, 10, 5, "latency"));
    private final List<String> changed = new ArrayList<>();

    static double responseTime(Map<String, Double> v) {
        double pool = Math.log(v.get("pool") / 24);
        return 400 + 600 * pool * pool + 900 * Math.pow(v.get("mix") - 0.7, 2) + 0.8 * v.get("backlog");
    }

    PlanningContext context() {
        return agent.build();
    }

    double responseTime() {
        return responseTime(values(context()));
    }

    /** Applies the proposal, judges it and records the verdict; returns the verdict. */
    Verdict apply(Proposal proposal) {
        PlanningContext before = context();
        Map<String, Double> after = new java.util.HashMap<>(values(before));
        proposal.changes().forEach(c -> after.put(c.knob(), c.to()));
        double was = responseTime(values(before));
        double improvement = (was - responseTime(after)) / was * 100;
        Verdict verdict = improvement > TOLERANCE_PERCENT ? Verdict.IMPROVED
                : improvement < -TOLERANCE_PERCENT ? Verdict.DEGRADED : Verdict.NO_EFFECT;
        proposal.changes().forEach(c -> {
            agent.tried(c.knob(), c.to(), verdict, improvement);
            changed.add(c.knob());
        });
        return verdict;
    }

    /** The knobs changed so far, one entry per change. */
    List<String> changed() {
        return List.copyOf(changed);
    }

    static Map<String, Double> values(PlanningContext context) {
        Map<String, Double> values = new java.util.HashMap<>();
        context.knobs().forEach(k -> values.put(k.name(), k.value()));
        return values;
    }
}
