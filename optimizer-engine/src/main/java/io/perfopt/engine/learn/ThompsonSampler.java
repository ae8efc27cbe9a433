package io.perfopt.engine.learn;

import io.perfopt.api.learning.LearningStats;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Chooses among proposals by Thompson sampling on what was learned.
 *
 * <pre>
 *   prior      a₀ = 2·p, b₀ = 2·(1 − p)          (p: the plugin's prior belief, worth two trials)
 *   θ         ~ Beta(successes + a₀, failures + b₀)
 *   score      = θ · gain,  gain = mean improvement of kept trials, or the first guess before any success
 * </pre>
 *
 * An action that keeps failing sees θ sink and is tried less; an untried one keeps a fair chance
 * through its prior. The random draw only decides what to try next: every reported improvement
 * is measured, never sampled. The generator is seeded, so a run is reproducible.
 */
public final class ThompsonSampler {

    // a Beta parameter of zero is improper; keep a sliver of belief either way
    private static final double MIN_PSEUDO_COUNT = 0.05;

    private final RandomDataGenerator random;

    public ThompsonSampler(long seed) {
        this.random = new RandomDataGenerator(seed);
    }

    /** One draw of the expected gain of an action. */
    public synchronized double sample(LearningStats stats, double prior, double firstGuess) {
        double a = stats.successes() + Math.max(MIN_PSEUDO_COUNT, 2 * prior);
        double b = stats.failures() + Math.max(MIN_PSEUDO_COUNT, 2 * (1 - prior));
        return random.nextBeta(a, b) * gain(stats, firstGuess);
    }

    /** The deterministic estimate reported as a strategy's expected improvement: the posterior mean times the gain. */
    public static double estimate(LearningStats stats, double prior, double firstGuess) {
        if (stats.trials() == 0) {
            return firstGuess;
        }
        double a = stats.successes() + Math.max(MIN_PSEUDO_COUNT, 2 * prior);
        double b = stats.failures() + Math.max(MIN_PSEUDO_COUNT, 2 * (1 - prior));
        return a / (a + b) * gain(stats, firstGuess);
    }

    private static double gain(LearningStats stats, double firstGuess) {
        return stats.successes() > 0 ? Math.max(0, stats.meanSuccessImprovement()) : firstGuess;
    }
}
