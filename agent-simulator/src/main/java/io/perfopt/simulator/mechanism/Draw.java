package io.perfopt.simulator.mechanism;

import java.util.random.RandomGenerator;

/**
 * The few distributions the simulated agents draw from. Service and network times are
 * log-normal (positive, right-skewed, as measured latencies are); inter-arrival times are
 * exponential (Poisson arrivals).
 */
public final class Draw {

    private Draw() {
    }

    /** A log-normal value with the given mean and coefficient of variation (sd / mean). */
    public static double logNormal(RandomGenerator rng, double mean, double cv) {
        if (mean <= 0) {
            return 0;
        }
        double sigma2 = Math.log1p(cv * cv);
        double mu = Math.log(mean) - sigma2 / 2;
        return Math.exp(mu + Math.sqrt(sigma2) * rng.nextGaussian());
    }

    /** An exponential value with the given mean. */
    public static double exponential(RandomGenerator rng, double mean) {
        return rng.nextExponential() * mean;
    }

    /** True with probability {@code p}. */
    public static boolean chance(RandomGenerator rng, double p) {
        return p > 0 && rng.nextDouble() < p;
    }
}
