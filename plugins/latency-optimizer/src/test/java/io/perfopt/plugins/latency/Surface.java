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
 * An agent shaped like the benchmark's surface agent: its response time is a smooth surface
 * over four knobs tagged {@code latency} (plus tags that say nothing of which one matters):
 *
 * <pre>
 *   rt = 200·(1 + 0.6·((pool − 42)/50)² + 0.8·((prefetch − 0.65)/0.5)² + 0.05·compression)   ms
 *   pool.size          int 1..100       interior optimum at 42
 *   prefetch.ratio     double 0..1      interior optimum at 0.65
 *   compression.level  int 0..9         more always hurts
 *   flush.interval.ms  int 10..1000     does nothing
 * </pre>
 *
 * Changes are judged as perfopt would with a 5 % tolerance band: kept when the response time
 * falls by more than 5 %, degraded when it rises by more, no effect otherwise; a shift of more
 * than 1 % counts as significant (the noise of a verification window).
 */
final class Surface {

    static final double TOLERANCE_PERCENT = 5;
    static final double SIGNIFICANT_PERCENT = 1;
    static final double OPTIMUM_MS = 200;

    private final FakeContext agent = FakeContext.agent("s1", "surface").knobs(
            Knob.ofInt("pool.size", 1, 100, 10, "latency", "concurrency", "capacity"),
            Knob.ofDouble("prefetch.ratio", 0, 1, 0.2, "latency", "cache"),
            Knob.ofInt("compression.level", 0, 9, 6, "latency", "resource"),
            Knob.ofInt("flush.interval.ms", 10, 1000, 200, "latency", "batching"));
    private final List<String> changed = new ArrayList<>();

    static double responseTime(Map<String, Double> v) {
        double pool = (v.get("pool.size") - 42) / 50;
        double prefetch = (v.get("prefetch.ratio") - 0.65) / 0.5;
        return OPTIMUM_MS * (1 + 0.6 * pool * pool + 0.8 * prefetch * prefetch + 0.05 * v.get("compression.level"));
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
        boolean significant = Math.abs(improvement) > SIGNIFICANT_PERCENT;
        proposal.changes().forEach(c -> {
            if (significant) {
                agent.triedSignificant(c.knob(), c.to(), verdict, improvement);
            } else {
                agent.tried(c.knob(), c.to(), verdict, improvement);
            }
            changed.add(c.knob() + "=" + c.to() + ":" + verdict);
        });
        return verdict;
    }

    /** The changes so far, as "knob=value:VERDICT". */
    List<String> changed() {
        return List.copyOf(changed);
    }

    static Map<String, Double> values(PlanningContext context) {
        Map<String, Double> values = new java.util.HashMap<>();
        context.knobs().forEach(k -> values.put(k.name(), k.value()));
        return values;
    }
}
