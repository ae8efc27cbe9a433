package io.perfopt.engine.window;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants as nanoseconds since the epoch in a {@code long}, so that a window keeps its
 * timestamps in a primitive array (8 bytes a sample instead of a 24-byte {@link Instant}).
 * A {@code long} spans the years 1677 to 2262; instants outside saturate to its ends.
 */
final class EpochNanos {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECOND = Long.MAX_VALUE / NANOS_PER_SECOND - 1;
    private static final long MIN_SECOND = Long.MIN_VALUE / NANOS_PER_SECOND + 1;

    private EpochNanos() {
    }

    static long of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds > MAX_SECOND) {
            return Long.MAX_VALUE;
        }
        if (seconds < MIN_SECOND) {
            return Long.MIN_VALUE;
        }
        return seconds * NANOS_PER_SECOND + instant.getNano();
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** A duration in nanoseconds, saturating at {@code Long.MAX_VALUE} (about 292 years). */
    static long of(Duration duration) {
        return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }

    /** {@code time - span}, saturating instead of wrapping around. */
    static long minus(long time, long span) {
        long result = time - span;
        // overflow only when the operands have different signs and the result has the sign of span
        return ((time ^ span) & (time ^ result)) < 0 ? Long.MIN_VALUE : result;
    }
}
