package io.perfopt.engine.detect;

import io.perfopt.api.optimization.Bottleneck;
import java.time.Instant;
import java.util.Optional;

/**
 * The persistence and hysteresis of one bottleneck of one component, as a small state machine:
 *
 * <pre>
 *   CLOSED --(raiseAfter consecutive BREACHED)--&gt; OPEN --(clearAfter consecutive RECOVERED)--&gt; CLOSED
 * </pre>
 *
 * Any reading that is not BREACHED resets the breach streak, so a spike shorter than
 * {@code raiseAfter} evaluations raises nothing; any reading that is not RECOVERED resets the
 * recovery streak, so a value hovering just inside the threshold (RECOVERING) keeps a bottleneck
 * open. Evaluations without enough data are not readings and leave the state as it is. Not
 * thread-safe: the detector locks per agent.
 */
final class Debounce {

    /** Where a metric stands against its threshold and clear level. */
    enum Reading { BREACHED, RECOVERING, RECOVERED }

    /** What a reading did to the state. */
    enum Transition { QUIET, RAISED, STILL_OPEN, CLEARED }

    private final int raiseAfter;
    private final int clearAfter;
    private int breachStreak;
    private int recoveryStreak;
    private Instant openedAt;
    private Bottleneck lastReported;

    Debounce(int raiseAfter, int clearAfter) {
        this.raiseAfter = raiseAfter;
        this.clearAfter = clearAfter;
    }

    Transition update(Reading reading, Instant now) {
        switch (reading) {
            case BREACHED -> {
                breachStreak++;
                recoveryStreak = 0;
                if (openedAt == null && breachStreak >= raiseAfter) {
                    openedAt = now;
                    return Transition.RAISED;
                }
            }
            case RECOVERING -> {
                breachStreak = 0;
                recoveryStreak = 0;
            }
            case RECOVERED -> {
                breachStreak = 0;
                if (openedAt != null && ++recoveryStreak >= clearAfter) {
                    openedAt = null;
                    recoveryStreak = 0;
                    lastReported = null;
                    return Transition.CLEARED;
                }
            }
        }
        return openedAt == null ? Transition.QUIET : Transition.STILL_OPEN;
    }

    boolean isOpen() {
        return openedAt != null;
    }

    /** When the open bottleneck was raised; only meaningful while open. */
    Instant openedAt() {
        return openedAt;
    }

    /** Consecutive evaluations the condition held, up to now. */
    int breachStreak() {
        return breachStreak;
    }

    /** Consecutive evaluations at or past the clear level while open. */
    int recoveryStreak() {
        return recoveryStreak;
    }

    int raiseAfter() {
        return raiseAfter;
    }

    int clearAfter() {
        return clearAfter;
    }

    void reported(Bottleneck bottleneck) {
        lastReported = bottleneck;
    }

    /** The bottleneck last reported while open, repeated when an evaluation has too little data. */
    Optional<Bottleneck> lastReported() {
        return isOpen() ? Optional.ofNullable(lastReported) : Optional.empty();
    }
}
