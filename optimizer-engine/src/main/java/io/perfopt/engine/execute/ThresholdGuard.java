package io.perfopt.engine.execute;

import io.perfopt.api.metric.MetricSummary;
import io.perfopt.engine.detect.Thresholds;
import io.perfopt.engine.judge.BeforeAfter;
import io.perfopt.engine.judge.SampleStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule that no kept change may push an agent across a detection threshold it was inside of
 * before: a change that saves memory but makes the agent slow, or lifts success rate but breaks
 * coordination, is degraded whatever its target says. The resource saver relies on it.
 */
public final class ThresholdGuard {

    private final String latencyStatistic;
    private final int minSamples;

    public ThresholdGuard(String latencyStatistic, int minSamples) {
        this.latencyStatistic = latencyStatistic;
        this.minSamples = minSamples;
    }

    /** One sentence per threshold newly crossed; empty when every threshold still holds. */
    public List<String> breaches(Thresholds thresholds, Map<String, BeforeAfter> samples) {
        List<String> breaches = new ArrayList<>();
        check(samples, "responseTimeMs", latencyStatistic, thresholds.responseTimeMs(), true, breaches);
        check(samples, "successRate", "mean", thresholds.successRate(), false, breaches);
        check(samples, "coordinationScore", "mean", thresholds.coordinationScore(), false, breaches);
        return breaches;
    }

    private void check(Map<String, BeforeAfter> samples, String metric, String statistic, double threshold,
                       boolean upperLimit, List<String> breaches) {
        BeforeAfter pair = samples.get(metric);
        if (pair == null || pair.before().length < minSamples || pair.after().length < minSamples) {
            return;
        }
        double before = statistic(metric, pair.before(), statistic);
        double after = statistic(metric, pair.after(), statistic);
        boolean wasInside = upperLimit ? before <= threshold : before >= threshold;
        boolean isOutside = upperLimit ? after > threshold : after < threshold;
        if (wasInside && isOutside) {
            breaches.add(String.format(Locale.ROOT, "threshold broken: %s %s went %.4g→%.4g, past %.4g",
                    statistic, metric, before, after, threshold));
        }
    }

    private static double statistic(String metric, double[] values, String statistic) {
        MetricSummary summary = SampleStatistics.summarize(metric, values);
        return summary.statistic(statistic);
    }
}
