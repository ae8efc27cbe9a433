package io.perfopt.engine.judge;

import io.perfopt.api.optimization.Verdict;
import java.util.List;

/**
 * The judge's verdict on a change, with the evidence.
 *
 * @param verdict  improved, no effect, inconclusive or degraded
 * @param target   the target metric's comparison; null when there were too few samples
 * @param issues   guardrail breaches, missing samples and other findings, one sentence each
 * @param reason   why the verdict, one short phrase for the explanation
 */
public record Judgement(Verdict verdict, Comparison target, List<String> issues, String reason) {

    public Judgement {
        issues = List.copyOf(issues);
    }
}
