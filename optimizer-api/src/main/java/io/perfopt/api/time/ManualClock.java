package io.perfopt.api.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to. perfopt reads time only through {@link Clock}; tests,
 * the simulator and plugin authors use this one to run hours of cycles in milliseconds without
 * sleeping. Thread-safe.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public ManualClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock at 2026-01-01T00:00:00Z. */
    public static ManualClock startingAtEpochOf2026() {
        return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Moves the clock forward and returns the new time. */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back, got step " + step);
        }
        return now.updateAndGet(t -> t.plus(step));
    }

    /** Sets the clock to a later instant. */
    public void set(Instant instant) {
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("a clock does not go back: " + instant + " is before " + t);
            }
            return instant;
        });
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
