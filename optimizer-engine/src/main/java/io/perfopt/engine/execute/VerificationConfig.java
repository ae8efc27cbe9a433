package io.perfopt.engine.execute;

import java.time.Duration;

/**
 * The timing of a change's verification.
 *
 * @param settle  time after applying before samples count as "after" (caches warm, queues drain), 10 s
 * @param window  how long "after" is observed, and how far back "before" reaches, 60 s
 * @param grace   extra time allowed to gather enough after-samples before the change is judged
 *                inconclusive (e.g. when a new owner took it over mid-window), 60 s
 */
public record VerificationConfig(Duration settle, Duration window, Duration grace) {

    public VerificationConfig {
        requireNonNegative("settle", settle);
        requireNonNegative("window", window);
        requireNonNegative("grace", grace);
        if (window.isZero()) {
            throw new IllegalArgumentException("verification window must be positive, got " + window);
        }
    }

    public static VerificationConfig defaults() {
        return new VerificationConfig(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    private static void requireNonNegative(String field, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("verification " + field + " must be >= 0, got " + value);
        }
    }
}
