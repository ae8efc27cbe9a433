package io.perfopt.engine.execute;

import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.judge.Judgement;
import java.util.List;

/**
 * The end of a change's observation: the judgement and what was done about it.
 *
 * @param entry     the journal entry judged
 * @param verdict   the final verdict (a threshold breach turns an improvement into a degradation)
 * @param judgement the judge's evidence
 * @param kept      whether the change stays applied
 * @param issues    guardrail and threshold findings, rollback problems
 */
public record Verification(JournalEntry entry, Verdict verdict, Judgement judgement, boolean kept,
                           List<String> issues) {

    public Verification {
        issues = List.copyOf(issues);
    }
}
