package io.perfopt.engine.window;

import java.time.Duration;

/**
 * How much of each metric's history is kept: samples older than {@code maxAge} or beyond the
 * newest {@code maxSamples} are dropped.
 *
 * @param maxAge     the time span kept, default 10 minutes
 * @param maxSamples the most samples kept per agent and metric, default 10,000
 */
public record WindowConfig(Duration maxAge, int maxSamples) {

    public WindowConfig {
        if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException("window maxAge must be positive, got " + maxAge);
        }
        if (maxSamples < 1) {
            throw new IllegalArgumentException("window maxSamples must be >= 1, got " + maxSamples);
        }
    }

    public static WindowConfig defaults() {
        return new WindowConfig(Duration.ofMinutes(10), 10_000);
    }

    public WindowConfig withMaxAge(Duration value) {
        return new WindowConfig(value, maxSamples);
    }

    public WindowConfig withMaxSamples(int value) {
        return new WindowConfig(maxAge, value);
    }
}
