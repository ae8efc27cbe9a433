package io.perfopt.engine.cycle;

import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.execute.Verification;
import io.perfopt.engine.judge.Comparison;
import io.perfopt.engine.report.Explainer;
import io.perfopt.engine.window.MetricStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the {@link OptimizationResult}s the loop reports, each with its explanation. */
final class ResultFactory {

    /** Samples kept per side in a result, for charts; enough to draw a distribution. */
    static final int CHART_SAMPLES = 200;

    private ResultFactory() {
    }

    static OptimizationResult judged(Verification v, MetricStore store, Instant now) {
        JournalEntry entry = v.entry();
        Comparison target = v.judgement().target();
        List<String> issues = new ArrayList<>(v.issues());
        String explanation = Explainer.verdict(entry.strategy(), v.verdict(), v.judgement(), reasonOf(v), v.kept());
        String metric = entry.strategy().targetMetric();
        double[] after = store.samples(entry.agentId(), metric, entry.observeFrom(), now);
        return new OptimizationResult(entry.strategy(), v.verdict(), target == null ? null : target.before(),
                target == null ? null : target.after(), v.judgement().improvement(),
                v.judgement().pValue(), target == null ? null : target.shift(),
                Duration.between(entry.appliedAt(), now), issues, now, explanation,
                cap(entry.before(metric)), cap(after));
    }

    static OptimizationResult failed(OptimizationStrategy strategy, String reason, Duration took, Instant now) {
        return new OptimizationResult(strategy, Verdict.FAILED, null, null, 0, null, null, took, List.of(reason), now,
                Explainer.failure(strategy, reason), List.of(), List.of());
    }

    static OptimizationResult unapplied(OptimizationStrategy strategy, Verdict verdict, String explanation,
                                        Instant now) {
        return new OptimizationResult(strategy, verdict, null, null, 0, null, null, Duration.ZERO, List.of(), now,
                explanation, List.of(), List.of());
    }

    private static String reasonOf(Verification v) {
        if (v.verdict() == Verdict.DEGRADED && v.judgement().verdict() == Verdict.IMPROVED) {
            return "but " + String.join("; ", v.issues().stream().filter(i -> i.startsWith("threshold")
                    || i.startsWith("guardrail")).toList());
        }
        if (v.verdict() == Verdict.DEGRADED && !v.issues().isEmpty() && v.judgement().reason().equals("a guardrail broke")) {
            return "but " + String.join("; ", v.issues().stream().filter(i -> i.startsWith("guardrail")).toList());
        }
        return v.judgement().reason();
    }

    private static List<Double> cap(double[] values) {
        double[] kept = values;
        if (values.length > CHART_SAMPLES) {
            kept = new double[CHART_SAMPLES];
            double stride = values.length / (double) CHART_SAMPLES;
            for (int i = 0; i < CHART_SAMPLES; i++) {
                kept[i] = values[(int) (i * stride)];
            }
        }
        return Arrays.stream(kept).boxed().toList();
    }
}
