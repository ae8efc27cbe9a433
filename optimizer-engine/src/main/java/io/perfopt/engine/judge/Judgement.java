package io.perfopt.engine.judge;

import io.perfopt.api.optimization.Verdict;
import java.util.List;

/**
 * The judge's verdict on a change, with the evidence.
 *
 * @param verdict     improved, no effect, inconclusive or degraded
 * @param target      the target metric's comparison of centers; null when there were too few samples
 * @param tail        the comparison of the target's tail (latencies with enough samples); null otherwise
 * @param improvement the measured improvement that decided the verdict, percent (the center's
 *                    unless only the tail moved); 0 when inconclusive
 * @param pValue      the p-value of the test that decided it; null when inconclusive
 * @param issues      guardrail breaches, missing samples and other findings, one sentence each
 * @param reason      why the verdict, one short phrase for the explanation
 */
public record Judgement(Verdict verdict, Comparison target, TailComparison tail, double improvement, Double pValue,
                        List<String> issues, String reason) {

    public Judgement {
        issues = List.copyOf(issues);
    }
}
