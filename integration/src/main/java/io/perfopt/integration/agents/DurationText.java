package io.perfopt.integration.agents;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configuration: a whole number and a unit ({@code 500ms},
 * {@code 5s}, {@code 1m}, {@code 2h}), or ISO-8601 ({@code PT1M30S}). A bare number is refused
 * because its unit would be a guess.
 */
public final class DurationText {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private DurationText() {
    }

    /** The duration written as {@code text}; throws with a message giving the accepted forms. */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SIMPLE.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (trimmed.regionMatches(true, 0, "PT", 0, 2)) {
            try {
                return Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                throw invalid(text, e);
            }
        }
        throw invalid(text, null);
    }

    /** The duration as {@link #parse} reads it back, e.g. {@code 5s} or {@code 1500ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static IllegalArgumentException invalid(String text, Exception cause) {
        return new IllegalArgumentException("not a duration \"" + text
                + "\"; write a whole number with a unit (500ms, 5s, 1m, 2h) or ISO-8601 (PT1M30S)", cause);
    }
}
