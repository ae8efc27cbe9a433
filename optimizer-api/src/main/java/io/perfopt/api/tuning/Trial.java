package io.perfopt.api.tuning;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.optimization.Verdict;

/**
 * One judged change of one knob on this agent, as a search replays it.
 *
 * @param index       the position of its result in {@link io.perfopt.api.spi.PlanningContext#history()}
 * @param change      what was done to the knob
 * @param verdict     improved (kept), no effect or degraded (both rolled back)
 * @param improvement the measured improvement of the target metric, percent, positive is better
 * @param significant whether the shift was statistically significant (p &lt; 0.05 and its interval excludes 0),
 *                    even when it was too small to count: a no-effect trial with a significant gain moved
 *                    the right way, just not far enough
 */
public record Trial(int index, KnobChange change, Verdict verdict, double improvement, boolean significant) {

    // the engine's level: its judge tests at α = 0.05 by default
    private static final double ALPHA = 0.05;

    /** A trial from an engine result, significant when its p-value and shift interval say so. */
    static Trial of(int index, KnobChange change, io.perfopt.api.optimization.OptimizationResult result) {
        boolean significant = result.shift() != null && result.shift().excludesZero()
                && (result.pValue() == null || result.pValue() < ALPHA);
        return new Trial(index, change, result.verdict(), result.actualImprovement(), significant);
    }

    /** Whether this was rolled back for an effect too small to count, yet real and in the good direction. */
    public boolean smallGain() {
        return verdict == Verdict.NO_EFFECT && significant && improvement > 0;
    }

    /** Which way the knob was turned. */
    public ChangeDirection direction() {
        return change.direction();
    }

    /** Whether the change was kept. */
    public boolean kept() {
        return verdict.kept();
    }
}
