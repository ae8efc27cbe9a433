package io.perfopt.engine.report;

import io.perfopt.api.metric.MetricKind;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.metric.StandardMetric;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.judge.Comparison;
import io.perfopt.engine.judge.Judgement;
import io.perfopt.engine.judge.TailComparison;
import java.util.Locale;

/**
 * One plain sentence per decision, e.g. "raise cache.size 100→400 on market-hunter: median
 * response time 2100→1300 ms (p95 2800→1750 ms), +38.1% (p=0.003), kept".
 */
public final class Explainer {

    private Explainer() {
    }

    /** Explains a verdict reached on a judged change. */
    public static String verdict(OptimizationStrategy strategy, Verdict verdict, Judgement judgement, String reason,
                                 boolean kept) {
        StringBuilder s = new StringBuilder(changes(strategy));
        Comparison target = judgement.target();
        if (target != null) {
            s.append(": ").append(movement(target.metric(), target.before(), target.after()));
            TailComparison tail = judgement.tail();
            if (tail != null && tail.beforeShare() > 0) {
                s.append(String.format(Locale.ROOT, ", slower than %.0f ms %.1f%%→%.1f%%", tail.level(),
                        tail.beforeShare() * 100, tail.afterShare() * 100));
            }
            s.append(String.format(Locale.ROOT, ", %+.1f%% (p=%s)", judgement.improvement(), p(judgement.pValue())));
        } else {
            s.append(": ").append(reason);
        }
        s.append(", ").append(outcome(verdict, kept, reason, target != null));
        return s.toString();
    }

    /** Explains a change that could not be applied. */
    public static String failure(OptimizationStrategy strategy, String reason) {
        return "could not " + changes(strategy) + ": " + reason + "; old values kept";
    }

    /** Explains why a strategy waits for approval. */
    public static String awaitingApproval(OptimizationStrategy strategy, double autonomy, double maxRisk) {
        return String.format(Locale.ROOT, "proposed to %s (%s): risk %.2f exceeds the %.2f allowed at autonomy %.2f,"
                + " waiting for approval as %s", changes(strategy), strategy.pluginId(), strategy.risk(), maxRisk,
                autonomy, strategy.id());
    }

    /** Explains the choice of a strategy. */
    public static String chosen(OptimizationStrategy strategy, int candidates) {
        return String.format(Locale.ROOT, "%s (%s, %s %s) to fix %s: ranked first of %d, expected %+.1f%%, risk %.2f",
                changes(strategy), strategy.pluginId(), strategy.priority(),
                strategy.origin().name().toLowerCase(Locale.ROOT), strategy.bottleneck().description(), candidates,
                strategy.expectedImprovement(), strategy.risk());
    }

    /** "raise cache.size 100→400 on market-hunter". */
    public static String changes(OptimizationStrategy strategy) {
        return String.join(" and ", strategy.actions()) + " on " + strategy.target();
    }

    /** "median response time 2100→1300 ms (p95 2800→1750 ms)" or "mean success rate 62.0→71.3 %". */
    public static String movement(String metric, MetricSummary before, MetricSummary after) {
        MetricKind kind = StandardMetric.kindOf(metric);
        String name = humanName(metric);
        if (kind == MetricKind.DURATION_MS) {
            // the verdict is on the median shift; the tail is shown because bottlenecks are raised on it
            return String.format(Locale.ROOT, "median %s %.0f→%.0f ms (p95 %.0f→%.0f ms)", name, before.p50(),
                    after.p50(), before.p95(), after.p95());
        }
        if (kind == MetricKind.RATIO) {
            return String.format(Locale.ROOT, "mean %s %.1f→%.1f %%", name, before.mean() * 100, after.mean() * 100);
        }
        return String.format(Locale.ROOT, "mean %s %.4g→%.4g", name, before.mean(), after.mean());
    }

    private static String outcome(Verdict verdict, boolean kept, String reason, boolean measured) {
        return switch (verdict) {
            case IMPROVED -> "kept";
            case NO_EFFECT -> (measured ? reason + ", " : "") + (kept ? "kept (configured to keep no-effect changes)"
                    : "rolled back");
            case INCONCLUSIVE -> "inconclusive, rolled back";
            case DEGRADED -> reason + ", rolled back";
            default -> verdict.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String p(Double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** "responseTimeMs" → "response time". */
    public static String humanName(String metric) {
        String base = metric.endsWith("Ms") ? metric.substring(0, metric.length() - 2) : metric;
        return base.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
