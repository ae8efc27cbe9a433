package io.perfopt.api.learning;

import io.perfopt.api.Require;
import io.perfopt.api.optimization.Verdict;
import java.io.Serializable;

/**
 * One judged trial, as learning records it.
 *
 * @param verdict     the verdict of the trial
 * @param improvement the measured improvement of its target metric, percent, positive is better
 */
public record LearningOutcome(Verdict verdict, double improvement) implements Serializable {

    public LearningOutcome {
        Require.notNull("verdict", verdict);
        if (!verdict.judged()) {
            throw new IllegalArgumentException("only judged verdicts teach anything, got " + verdict);
        }
        Require.finite("improvement", improvement);
    }
}
