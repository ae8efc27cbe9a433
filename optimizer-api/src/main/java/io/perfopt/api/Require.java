package io.perfopt.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks shared by the records of this module. Every message names the field, the
 * value it got and what is allowed, so that a rejected metric or proposal explains itself in a
 * log line.
 */
public final class Require {

    private Require() {
    }

    /** Rejects null, empty and blank text. */
    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, got " + quoted(value));
        }
        return value;
    }

    /** Rejects null. */
    public static <T> T notNull(String field, T value) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }

    /** Rejects NaN and the infinities. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    /** Rejects non-finite and negative numbers. */
    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Rejects numbers outside {@code [min, max]}. */
    public static double between(String field, double value, double min, double max) {
        finite(field, value);
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    field + " must be within " + plain(min) + ".." + plain(max) + ", got " + plain(value));
        }
        return value;
    }

    /** Rejects counts below zero. */
    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Rejects null and negative durations. */
    public static Duration nonNegative(String field, Duration value) {
        notNull(field, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
        return value;
    }

    /** Formats a number without a trailing ".0" for whole values, as the messages print them. */
    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String quoted(String value) {
        return value == null ? "null" : '"' + value + '"';
    }
}
