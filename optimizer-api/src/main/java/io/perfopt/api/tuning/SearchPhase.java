package io.perfopt.api.tuning;

/** Where the line search of one knob stands. */
public enum SearchPhase {
    /** No step from the current value has been kept yet: looking for the way that helps. */
    PROBING,
    /** The last step was kept: go on that way, with a bigger step. */
    ADVANCING,
    /** Worse points lie on both sides of the current one: one step to the interpolated best value. */
    BRACKETED,
    /** Converged, or the knob showed no effect: leave it alone for a while. */
    RESTING
}
