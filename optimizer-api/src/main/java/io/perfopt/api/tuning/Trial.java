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
 */
public record Trial(int index, KnobChange change, Verdict verdict, double improvement) {

    /** Which way the knob was turned. */
    public ChangeDirection direction() {
        return change.direction();
    }

    /** Whether the change was kept. */
    public boolean kept() {
        return verdict.kept();
    }
}
