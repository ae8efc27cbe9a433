package io.perfopt.api.tuning;

import io.perfopt.api.knob.ChangeDirection;

/**
 * The state of one knob's line search, replayed from the agent's history.
 *
 * @param phase     where the search stands
 * @param direction the way to step next
 * @param level     the ladder level of the next step
 * @param target    the value to try next when it was interpolated ({@link SearchPhase#BRACKETED}); NaN when the
 *                  next step is one of {@code level}
 * @param belief    the belief, 0..1, that the next step helps: the proposal's prior
 * @param reason    why this is the next step, for the proposal's description
 * @param restingSince the history position of the verdict that put the knob to rest; -1 when it is not resting
 */
public record SearchState(SearchPhase phase, ChangeDirection direction, int level, double target, double belief,
                          String reason, int restingSince) {

    /** Whether the search proposes nothing now. */
    public boolean resting() {
        return phase == SearchPhase.RESTING;
    }

    /** Whether the next step goes to an interpolated {@link #target()}. */
    public boolean interpolated() {
        return !Double.isNaN(target);
    }
}
