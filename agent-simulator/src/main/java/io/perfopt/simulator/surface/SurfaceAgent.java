package io.perfopt.simulator.surface;

import static io.perfopt.simulator.agent.KnobDefinition.ofDouble;
import static io.perfopt.simulator.agent.KnobDefinition.ofInt;

import io.perfopt.simulator.agent.AgentBehaviour;
import io.perfopt.simulator.agent.AgentKind;
import io.perfopt.simulator.agent.Conditions;
import io.perfopt.simulator.agent.KnobValues;
import io.perfopt.simulator.agent.SurfaceOracle;
import io.perfopt.simulator.mechanism.Draw;
import io.perfopt.simulator.metrics.Gauges;
import io.perfopt.simulator.metrics.OutcomeSink;
import io.perfopt.simulator.metrics.RequestOutcome;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A benchmark agent whose response time is a known surface ({@link ResponseSurface}) times
 * seeded log-normal noise, so that an optimizer's result can be scored against the true
 * optimum ({@link #oracle}). Unlike the fleet's agents it has no mechanism behind its numbers:
 * that is the point; its truth is exact. All knobs carry the {@code latency} tag, so an
 * optimizer cannot tell from tags which one matters. Requests succeed with a fixed, healthy
 * probability: {@code successRate} is a guardrail that should never move.
 */
public final class SurfaceAgent implements AgentBehaviour {

    /** The stationary variant. */
    public static final AgentKind KIND = kind(false);
    /** The variant whose {@code prefetch.ratio} optimum drifts along a slow sine. */
    public static final AgentKind DRIFTING_KIND = kind(true);

    /** Relative noise of one request's response time around the surface. */
    private static final double NOISE_CV = 0.25;
    private static final double SUCCESS_PROBABILITY = 0.98;

    private final ResponseSurface surface;
    private KnobValues knobs;

    private SurfaceAgent(boolean drifting) {
        this.surface = new ResponseSurface(drifting);
    }

    private static AgentKind kind(boolean drifting) {
        return new AgentKind("surface", List.of(
                ofInt("pool.size", 1, 100, 10, "latency", "concurrency", "capacity"),
                ofDouble("prefetch.ratio", 0.0, 1.0, 0.2, "latency", "cache"),
                ofInt("compression.level", 0, 9, 6, "latency", "resource"),
                ofInt("flush.interval.ms", 10, 1000, 200, "latency", "batching")),
                20, () -> new SurfaceAgent(drifting));
    }

    @Override
    public void configure(KnobValues knobs) {
        this.knobs = knobs;
    }

    @Override
    public void serve(double arrivalMs, Conditions conditions, SplittableRandom rng, OutcomeSink sink) {
        double latencyMs = surface.objective(knobs, arrivalMs) * Draw.logNormal(rng, 1, NOISE_CV)
                * conditions.workSlowdown();
        boolean succeeded = Draw.chance(rng, SUCCESS_PROBABILITY);
        sink.request(arrivalMs, RequestOutcome.analysed(latencyMs, latencyMs, latencyMs * 0.1, 0.9, succeeded,
                true, succeeded));
    }

    @Override
    public void settle(double nowMs, Conditions conditions, OutcomeSink sink) {
        // nothing waits on time alone
    }

    @Override
    public Gauges gauges() {
        return new Gauges(0.3, 0.01, 4, 0.5);
    }

    @Override
    public Optional<SurfaceOracle> oracle(double nowMs) {
        return Optional.of(surface.oracle(knobs, nowMs));
    }
}
