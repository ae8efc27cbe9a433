package io.perfopt.simulator.surface;

import io.perfopt.simulator.agent.KnobValues;
import io.perfopt.simulator.agent.SurfaceOracle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The known objective of a {@link SurfaceAgent}: a mean response time over its knobs,
 *
 * <pre>
 * f = base * (1 + a * ((pool - pool*) / 50)^2 + b * ((prefetch - prefetch*(t)) / 0.5)^2 + c * compression)
 * </pre>
 *
 * with an interior optimum in {@code pool.size} and {@code prefetch.ratio}, a
 * {@code compression.level} that only ever hurts (its best is its minimum, 0) and a
 * {@code flush.interval.ms} that appears in no term at all. In the drifting variant
 * {@code prefetch*} moves along a slow sine, one period per {@link #DRIFT_PERIOD_MS}.
 */
public final class ResponseSurface {

    public static final double BASE_MS = 200;
    public static final int POOL_OPTIMUM = 42;
    public static final double PREFETCH_OPTIMUM = 0.65;
    public static final double DRIFT_AMPLITUDE = 0.25;
    public static final double DRIFT_PERIOD_MS = 3_600_000;
    private static final double POOL_WEIGHT = 0.6;
    private static final double PREFETCH_WEIGHT = 0.8;
    private static final double COMPRESSION_WEIGHT = 0.05;

    private final boolean drifting;

    public ResponseSurface(boolean drifting) {
        this.drifting = drifting;
    }

    /** The best {@code prefetch.ratio} at {@code atMs} after the agent started. */
    public double prefetchOptimum(double atMs) {
        return drifting ? PREFETCH_OPTIMUM - DRIFT_AMPLITUDE * Math.sin(2 * Math.PI * atMs / DRIFT_PERIOD_MS)
                : PREFETCH_OPTIMUM;
    }

    /** The noise-free objective at these knob values. */
    public double objective(int pool, double prefetch, int compression, double atMs) {
        double poolTerm = (pool - POOL_OPTIMUM) / 50.0;
        double prefetchTerm = (prefetch - prefetchOptimum(atMs)) / 0.5;
        return BASE_MS * (1 + POOL_WEIGHT * poolTerm * poolTerm + PREFETCH_WEIGHT * prefetchTerm * prefetchTerm
                + COMPRESSION_WEIGHT * compression);
    }

    /** The noise-free objective at the knob values given. */
    public double objective(KnobValues knobs, double atMs) {
        return objective(knobs.intValue("pool.size"), knobs.doubleValue("prefetch.ratio"),
                knobs.intValue("compression.level"), atMs);
    }

    /** The oracle at {@code atMs} for the current knob values. */
    public SurfaceOracle oracle(KnobValues knobs, double atMs) {
        Map<String, Object> optimum = new LinkedHashMap<>();
        optimum.put("pool.size", (long) POOL_OPTIMUM);
        optimum.put("prefetch.ratio", prefetchOptimum(atMs));
        optimum.put("compression.level", 0L);
        optimum.put("flush.interval.ms", (long) knobs.intValue("flush.interval.ms"));
        return new SurfaceOracle(optimum, objective(POOL_OPTIMUM, prefetchOptimum(atMs), 0, atMs),
                objective(knobs, atMs));
    }
}
