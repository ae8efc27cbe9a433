package io.perfopt.benchmarks.eval;

import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.surface.ResponseSurface;
import java.time.Duration;
import java.time.Instant;

/**
 * The truth of the evaluation's surfaces: the noise-free mean response time of any
 * configuration of any agent at any instant. Every {@link SurfaceFleet} starts on the same
 * manual clock, so the agents' surface time is the time since that start; the agent
 * {@link SurfaceFleet#DRIFTING_ID} drifts.
 */
public final class SurfaceTruth {

    static final Instant EPOCH = ManualClock.startingAtEpochOf2026().instant();

    private SurfaceTruth() {
    }

    /** The noise-free mean response time of {@code c} on the agent at {@code at}. */
    public static double objective(String agentId, Config c, Instant at) {
        return surface(agentId).objective((int) Math.round(c.get(Config.POOL)), c.get(Config.PREFETCH),
                (int) Math.round(c.get(Config.COMPRESSION)), millis(at));
    }

    /** The best there is on the agent at {@code at}. */
    public static double optimum(String agentId, Instant at) {
        ResponseSurface surface = surface(agentId);
        double ms = millis(at);
        return surface.objective(ResponseSurface.POOL_OPTIMUM, surface.prefetchOptimum(ms), 0, ms);
    }

    /** (objective − optimum) / optimum of {@code c} at {@code at}. */
    public static double gap(String agentId, Config c, Instant at) {
        double best = optimum(agentId, at);
        return (objective(agentId, c, at) - best) / best;
    }

    private static ResponseSurface surface(String agentId) {
        return new ResponseSurface(agentId.equals(SurfaceFleet.DRIFTING_ID));
    }

    private static double millis(Instant at) {
        return Duration.between(EPOCH, at).toNanos() / 1e6;
    }
}
