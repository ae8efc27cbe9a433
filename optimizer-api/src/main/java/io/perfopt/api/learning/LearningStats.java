package io.perfopt.api.learning;

import io.perfopt.api.Require;
import io.perfopt.api.optimization.Verdict;
import java.io.Serializable;

/**
 * What has been learned about one {@link ActionKey}: how often it was tried, how often it was
 * kept, how often it made things worse, and its measured improvement: the mean and spread over
 * all trials (Welford's running algorithm, so an update needs only the previous state) and the
 * sum over the kept ones, so that the gain of a success can be told from the odds of one.
 *
 * @param trials                 judged trials
 * @param successes              trials kept as improvements
 * @param degradations           trials that made the target or a guardrail worse
 * @param meanImprovement        mean measured improvement over all trials, percent
 * @param m2                     sum of squared deviations from the mean (Welford)
 * @param successImprovementSum  sum of the measured improvements of the kept trials, percent
 */
public record LearningStats(long trials, long successes, long degradations, double meanImprovement, double m2,
                            double successImprovementSum) implements Serializable {

    /** Nothing learned yet. */
    public static final LearningStats NONE = new LearningStats(0, 0, 0, 0, 0, 0);

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
        Require.finite("successImprovementSum", successImprovementSum);
    }

    /** The state after one more trial. Pure, so a store can apply it atomically. */
    public LearningStats after(LearningOutcome outcome) {
        long n = trials + 1;
        double x = outcome.improvement();
        double delta = x - meanImprovement;
        double mean = meanImprovement + delta / n;
        double newM2 = m2 + delta * (x - mean);
        boolean kept = outcome.verdict() == Verdict.IMPROVED;
        return new LearningStats(n,
                successes + (kept ? 1 : 0),
                degradations + (outcome.verdict() == Verdict.DEGRADED ? 1 : 0),
                mean, Math.max(0, newM2),
                successImprovementSum + (kept ? x : 0));
    }

    /** Trials that were not kept. */
    public long failures() {
        return trials - successes;
    }

    /** The observed share of kept trials; 0 before any trial. */
    public double successRate() {
        return trials == 0 ? 0 : (double) successes / trials;
    }

    /** The share of trials that made things worse; 0 before any trial. */
    public double degradationRate() {
        return trials == 0 ? 0 : (double) degradations / trials;
    }

    /** The mean improvement of the kept trials; empty-handed (0) before the first success. */
    public double meanSuccessImprovement() {
        return successes == 0 ? 0 : successImprovementSum / successes;
    }

    /** The sample variance of the improvement; 0 below two trials. */
    public double improvementVariance() {
        return trials < 2 ? 0 : m2 / (trials - 1);
    }
}
