package io.perfopt.integration.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff between delivery attempts, capped:
 *
 * <pre>
 *   wait(n) = min(max, initial × 2^(n−1))   after the n-th failure in a row;  0 after a success
 * </pre>
 *
 * An orchestrator that is down for an hour is asked a few dozen times, not thousands, and one
 * that comes back is reached within {@code max}. Thread-safe.
 */
public final class DeliveryBackoff {

    private final Duration initial;
    private final Duration max;
    private final Clock clock;
    private int failures;
    private Instant next = Instant.MIN;

    /**
     * @param clock real time: an orchestrator recovers in wall-clock time, whatever clock the
     *              engine runs on
     */
    public DeliveryBackoff(Duration initial, Duration max, Clock clock) {
        this.initial = initial;
        this.max = max;
        this.clock = clock;
    }

    /** Whether an attempt may be made now. */
    public synchronized boolean due() {
        return !clock.instant().isBefore(next);
    }

    /** Records a failed attempt; returns how long to wait before the next one. */
    public synchronized Duration failed() {
        failures++;
        Duration wait = max;
        // initial × 2^(failures−1), computed only while it cannot overflow the cap
        if (failures - 1 < 62 && initial.toMillis() <= max.toMillis() >> (failures - 1)) {
            wait = initial.multipliedBy(1L << (failures - 1));
        }
        wait = wait.compareTo(max) > 0 ? max : wait;
        next = clock.instant().plus(wait);
        return wait;
    }

    /** Records a success: the next attempt may come at once. */
    public synchronized void succeeded() {
        failures = 0;
        next = Instant.MIN;
    }

    /** Failed attempts since the last success. */
    public synchronized int failures() {
        return failures;
    }

    /** When the next attempt may come; {@link Instant#MIN} when at once. */
    public synchronized Instant nextAttempt() {
        return next;
    }
}
