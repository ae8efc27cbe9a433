package io.perfopt.api.learning;

import io.perfopt.api.Require;
import io.perfopt.api.optimization.Verdict;
import java.io.Serializable;

/**
 * What has been learned about one {@link ActionKey}: how often it was tried, how often it was
 * kept, how often it made things worse, and the mean and spread of its measured improvement
 * (Welford's running algorithm, so that an update needs only the previous state).
 *
 * @param trials          judged trials
 * @param successes       trials kept as improvements
 * @param degradations    trials that made the target or a guardrail worse
 * @param meanImprovement mean measured improvement over all trials, percent
 * @param m2              sum of squared deviations from the mean (Welford)
 */
public record LearningStats(long trials, long successes, long degradations, double meanImprovement, double m2)
        implements Serializable {

    /** Nothing learned yet. */
    public static final LearningStats NONE = new LearningStats(0, 0, 0, 0, 0);

    public LearningStats {
        Require.nonNegative("trials", trials);
        Require.nonNegative("successes", successes);
        Require.nonNegative("degradations", degradations);
        if (successes + degradations > trials) {
            throw new IllegalArgumentException("successes " + successes + " and degradations " + degradations
                    + " exceed trials " + trials);
        }
        Require.finite("meanImprovement", meanImprovement);
        Require.nonNegative("m2", m2);
    }

    /** The state after one more trial. Pure, so a store can apply it atomically. */
    public LearningStats after(LearningOutcome outcome) {
        long n = trials + 1;
        double delta = outcome.improvement() - meanImprovement;
        double mean = meanImprovement + delta / n;
        double newM2 = m2 + delta * (outcome.improvement() - mean);
        return new LearningStats(n,
                successes + (outcome.verdict() == Verdict.IMPROVED ? 1 : 0),
                degradations + (outcome.verdict() == Verdict.DEGRADED ? 1 : 0),
                mean, Math.max(0, newM2));
    }

    /** Trials that were not kept. */
    public long failures() {
        return trials - successes;
    }

    /** The observed share of kept trials; 0 before any trial. */
    public double successRate() {
        return trials == 0 ? 0 : (double) successes / trials;
    }

    /** The sample variance of the improvement; 0 below two trials. */
    public double improvementVariance() {
        return trials < 2 ? 0 : m2 / (trials - 1);
    }
}
