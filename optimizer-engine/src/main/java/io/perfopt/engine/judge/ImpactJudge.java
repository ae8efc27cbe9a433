package io.perfopt.engine.judge;

import io.perfopt.api.Require;
import io.perfopt.api.metric.Goal;
import io.perfopt.api.metric.StandardMetric;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.stat.inference.MannWhitneyUTest;

/**
 * Judges a change by its target metric's samples before and after, then its guardrails.
 *
 * <pre>
 *   too few samples on a side (&lt; minSamples)                  → INCONCLUSIVE
 *   p &lt; α, HL interval excludes 0, |Δ%| ≥ tolerance, better   → IMPROVED (unless a guardrail breaks → DEGRADED)
 *   p &lt; α, HL interval excludes 0, |Δ%| ≥ tolerance, worse    → DEGRADED
 *   otherwise                                                 → NO_EFFECT
 * </pre>
 *
 * Δ% is the Hodges–Lehmann shift relative to the median before, signed by the metric's goal.
 * A guardrail breaks when its metric got significantly worse by more than its tolerance.
 */
public final class ImpactJudge {

    private final JudgeConfig config;
    private final MannWhitneyUTest test = new MannWhitneyUTest();

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
            return new Judgement(Verdict.INCONCLUSIVE, null, List.of(), String.format(Locale.ROOT,
                    "too few %s samples (%d before, %d after, need %d)", targetMetric, target.before().length,
                    target.after().length, config.minSamples()));
        }
        Comparison comparison = compare(targetMetric, target);
        boolean effect = comparison.significant(config.alpha())
                && Math.abs(comparison.improvement()) >= config.tolerancePercent();
        if (!effect) {
            String why;
            if (comparison.significant(config.alpha())) {
                why = String.format(Locale.ROOT, "a shift of %.1f%% is within the %.1f%% tolerance",
                        comparison.improvement(), config.tolerancePercent());
            } else if (comparison.pValue() < config.alpha()) {
                why = "not significant: the shift's confidence interval includes zero";
            } else {
                why = "no significant change";
            }
            return new Judgement(Verdict.NO_EFFECT, comparison, List.of(), why);
        }
        if (comparison.improvement() < 0) {
            return new Judgement(Verdict.DEGRADED, comparison, List.of(), "worse");
        }
        List<String> issues = checkGuardrails(guardrails, samples);
        boolean breached = issues.stream().anyMatch(i -> i.startsWith("guardrail "));
        return new Judgement(breached ? Verdict.DEGRADED : Verdict.IMPROVED, comparison, issues,
                breached ? "a guardrail broke" : "better");
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
