package io.perfopt.engine.judge;

import io.perfopt.api.Require;
import io.perfopt.api.metric.Goal;
import io.perfopt.api.metric.MetricKind;
import io.perfopt.api.metric.StandardMetric;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.inference.MannWhitneyUTest;

/**
 * Judges a change by its target metric's samples before and after, then its guardrails.
 *
 * <pre>
 *   too few samples on a side (&lt; minSamples)                        → INCONCLUSIVE
 *   center: Mann–Whitney p &lt; α', HL interval excludes 0, |Δ%| ≥ tolerance
 *   tail (latencies, ≥ 100 samples a side): share above the old p95, two-proportion p &lt; α', |Δp95%| ≥ tolerance
 *   center or tail worse                                            → DEGRADED
 *   center or tail better (and neither worse)                       → IMPROVED, unless a guardrail breaks
 *   otherwise                                                       → NO_EFFECT
 * </pre>
 *
 * Δ% is the Hodges–Lehmann shift relative to the median before, signed by the metric's goal.
 * The tail is judged too because latency bottlenecks are raised on p95: a change that halves
 * the p95 without moving the median is a real fix. With two tests, each runs at α' = α/2
 * (Bonferroni), so a change passes by chance no more often than with one. A guardrail breaks
 * when its metric got significantly worse by more than its tolerance.
 */
public final class ImpactJudge {

    /** Samples a side needed before the tail is judged: about five above the old p95. */
    static final int MIN_TAIL_SAMPLES = 100;

    private enum Effect { BETTER, WORSE, NONE }

    private final JudgeConfig config;
    private final MannWhitneyUTest test = new MannWhitneyUTest();
    private final NormalDistribution normal = new NormalDistribution();

    public ImpactJudge(JudgeConfig config) {
        this.config = Require.notNull("judge config", config);
    }

    public JudgeConfig config() {
        return config;
    }

    /**
     * Judges the target metric and then the guardrails.
     *
     * @param samples before and after samples per metric name (target and guardrails)
     */
    public Judgement judge(String targetMetric, List<Guardrail> guardrails, Map<String, BeforeAfter> samples) {
        BeforeAfter target = samples.getOrDefault(targetMetric, BeforeAfter.EMPTY);
        if (!enough(target)) {
            return new Judgement(Verdict.INCONCLUSIVE, null, null, 0, null, List.of(), String.format(Locale.ROOT,
                    "too few %s samples (%d before, %d after, need %d)", targetMetric, target.before().length,
                    target.after().length, config.minSamples()));
        }
        boolean judgeTail = StandardMetric.kindOf(targetMetric) == MetricKind.DURATION_MS
                && target.before().length >= MIN_TAIL_SAMPLES && target.after().length >= MIN_TAIL_SAMPLES;
        double alpha = judgeTail ? config.alpha() / 2 : config.alpha();
        Comparison center = compare(targetMetric, target);
        TailComparison tail = judgeTail ? tail(target) : null;
        Effect centerEffect = effect(center.significant(alpha), center.improvement());
        Effect tailEffect = tail == null ? Effect.NONE : effect(tail.pValue() < alpha, tail.improvement());

        if (centerEffect == Effect.WORSE || tailEffect == Effect.WORSE) {
            boolean byCenter = centerEffect == Effect.WORSE;
            return new Judgement(Verdict.DEGRADED, center, tail, byCenter ? center.improvement() : tail.improvement(),
                    byCenter ? center.pValue() : tail.pValue(), List.of(), byCenter ? "worse" : "slower in the tail");
        }
        if (centerEffect == Effect.BETTER || tailEffect == Effect.BETTER) {
            boolean byCenter = centerEffect == Effect.BETTER;
            List<String> issues = checkGuardrails(guardrails, samples);
            boolean breached = issues.stream().anyMatch(i -> i.startsWith("guardrail "));
            String why = breached ? "a guardrail broke" : byCenter ? "better" : "faster in the tail";
            return new Judgement(breached ? Verdict.DEGRADED : Verdict.IMPROVED, center, tail,
                    byCenter ? center.improvement() : tail.improvement(),
                    byCenter ? center.pValue() : tail.pValue(), issues, why);
        }
        return new Judgement(Verdict.NO_EFFECT, center, tail, center.improvement(), center.pValue(), List.of(),
                noEffectReason(center, alpha));
    }

    private Effect effect(boolean significant, double improvement) {
        if (!significant || Math.abs(improvement) < config.tolerancePercent()) {
            return Effect.NONE;
        }
        return improvement > 0 ? Effect.BETTER : Effect.WORSE;
    }

    private String noEffectReason(Comparison center, double alpha) {
        if (center.significant(alpha)) {
            return String.format(Locale.ROOT, "a shift of %.1f%% is within the %.1f%% tolerance",
                    center.improvement(), config.tolerancePercent());
        }
        if (center.pValue() < alpha) {
            return "not significant: the shift's confidence interval includes zero";
        }
        return "no significant change";
    }

    /** Counts the samples above the old p95 on both sides and tests whether the share changed. */
    TailComparison tail(BeforeAfter samples) {
        double[] before = samples.before();
        double[] after = samples.after();
        var beforeSummary = SampleStatistics.summarize("tail", before);
        var afterSummary = SampleStatistics.summarize("tail", after);
        double level = beforeSummary.p95();
        long above = java.util.Arrays.stream(before).filter(v -> v > level).count();
        long afterAbove = java.util.Arrays.stream(after).filter(v -> v > level).count();
        double p1 = (double) above / before.length;
        double p2 = (double) afterAbove / after.length;
        double pooled = (double) (above + afterAbove) / (before.length + after.length);
        double p = 1.0;
        if (pooled > 0 && pooled < 1) {
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / before.length + 1.0 / after.length));
            double z = (p1 - p2) / se;
            p = Math.min(1, 2 * (1 - normal.cumulativeProbability(Math.abs(z))));
        }
        double improvement = beforeSummary.p95() == 0 ? 0
                : (beforeSummary.p95() - afterSummary.p95()) / beforeSummary.p95() * 100;
        return new TailComparison(level, p1, p2, p, beforeSummary.p95(), afterSummary.p95(), improvement);
    }

    /** Compares one metric's samples; both sides must hold at least one sample. */
    public Comparison compare(String metric, BeforeAfter samples) {
        Goal goal = StandardMetric.goalOf(metric);
        double[] before = samples.before();
        double[] after = samples.after();
        double p = pValue(before, after);
        var shift = HodgesLehmann.estimate(before, after, config.confidence());
        double scale = Math.abs(SampleStatistics.median(before));
        double relative = scale == 0 ? 0 : shift.shift() / scale * 100;
        double improvement = goal == Goal.MINIMIZE ? -relative : relative;
        return new Comparison(metric, goal, SampleStatistics.summarize(metric, before),
                SampleStatistics.summarize(metric, after), p, shift, improvement);
    }

    private double pValue(double[] before, double[] after) {
        if (allEqual(before, after)) {
            return 1.0; // identical constant samples: the U test divides by a zero variance
        }
        double p = test.mannWhitneyUTest(before, after);
        return Double.isNaN(p) ? 1.0 : Math.max(0, Math.min(1, p));
    }

    private List<String> checkGuardrails(List<Guardrail> guardrails, Map<String, BeforeAfter> samples) {
        List<String> issues = new ArrayList<>();
        for (Guardrail guardrail : guardrails) {
            BeforeAfter pair = samples.getOrDefault(guardrail.metric(), BeforeAfter.EMPTY);
            if (!enough(pair)) {
                issues.add(String.format(Locale.ROOT, "%s not checked: too few samples (%d before, %d after)",
                        guardrail.metric(), pair.before().length, pair.after().length));
                continue;
            }
            Comparison c = compare(guardrail.metric(), pair);
            if (c.significant(config.alpha()) && -c.improvement() > guardrail.tolerancePercent()) {
                issues.add(String.format(Locale.ROOT, "guardrail %s worsened %.1f%% (p=%.3g), more than the %.0f%% allowed",
                        guardrail.metric(), -c.improvement(), c.pValue(), guardrail.tolerancePercent()));
            }
        }
        return issues;
    }

    private boolean enough(BeforeAfter pair) {
        return pair.before().length >= config.minSamples() && pair.after().length >= config.minSamples();
    }

    private static boolean allEqual(double[] before, double[] after) {
        double first = before[0];
        for (double v : before) {
            if (v != first) {
                return false;
            }
        }
        for (double v : after) {
            if (v != first) {
                return false;
            }
        }
        return true;
    }
}
