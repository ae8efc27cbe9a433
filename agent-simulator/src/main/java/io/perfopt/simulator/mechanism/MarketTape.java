package io.perfopt.simulator.mechanism;

import java.util.random.RandomGenerator;

/**
 * A market whose trend switches between up and down regimes, one tick per request, with the
 * last {@code capacity} returns kept for pattern windows. A window mean is read in O(1) from a
 * ring of running sums.
 *
 * <p>Why pattern windows have an interior optimum here: a short window estimates the trend
 * from few noisy returns, a long one mixes in returns from before the last regime switch.
 */
public final class MarketTape {

    private final double drift;
    private final double noise;
    private final double switchProbability;
    private final double[] cumulative;
    private long ticks;
    private double total;
    private int regime = 1;

    public MarketTape(int capacity, double drift, double noise, double switchProbability) {
        this.cumulative = new double[capacity + 1];
        this.drift = drift;
        this.noise = noise;
        this.switchProbability = switchProbability;
    }

    /** Advances one tick: maybe switches regime, then records a return. */
    public void tick(RandomGenerator rng) {
        if (Draw.chance(rng, switchProbability)) {
            regime = -regime;
        }
        total += regime * drift + noise * rng.nextGaussian();
        ticks++;
        cumulative[(int) (ticks % cumulative.length)] = total;
    }

    /** The current regime, +1 or -1. */
    public int regime() {
        return regime;
    }

    /** The sum of the last {@code window} returns (fewer while the tape is young). */
    public double windowSum(int window) {
        int w = (int) Math.min(window, Math.min(ticks, cumulative.length - 1));
        double before = ticks - w <= 0 ? 0 : cumulative[(int) ((ticks - w) % cumulative.length)];
        return total - before;
    }

    /** How many returns {@link #windowSum} covers for {@code window}. */
    public int windowLength(int window) {
        return (int) Math.min(window, Math.min(ticks, cumulative.length - 1));
    }

    public double drift() {
        return drift;
    }

    public double noise() {
        return noise;
    }
}
