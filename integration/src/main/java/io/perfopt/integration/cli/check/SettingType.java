package io.perfopt.integration.cli.check;

import io.perfopt.integration.agents.DurationText;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.quartz.CronExpression;

/** What a setting's value must look like; {@link #check} says what is wrong with one, if anything. */
@FunctionalInterface
interface SettingType {

    /** Why {@code value} is not of this type; empty when it is. */
    Optional<String> check(String value);

    SettingType TEXT = value -> Optional.empty();
    SettingType REQUIRED_TEXT = value -> value.isBlank() ? Optional.of("must not be empty") : Optional.empty();
    SettingType WHOLE = value -> parses(value, Long::parseLong, "a whole number");
    SettingType NUMBER = value -> {
        Optional<String> problem = parses(value, Double::parseDouble, "a number");
        return problem.isPresent() || Double.isFinite(Double.parseDouble(value)) ? problem
                : Optional.of("must be a finite number, got \"" + value + "\"");
    };
    SettingType FLAG = value -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? Optional.empty()
            : Optional.of("must be true or false, got \"" + value + "\"");
    SettingType DURATION = value -> {
        try {
            DurationText.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be a duration such as 500ms, 5s, 2m or 1h, got \"" + value + "\"");
        }
    };
    SettingType PORT = value -> WHOLE.check(value).or(() -> {
        long port = Long.parseLong(value);
        return port < 0 || port > 65535 ? Optional.of("must be a port within 0..65535 (0: any free port), got "
                + value) : Optional.empty();
    });
    SettingType BYTES = value -> WHOLE.check(value).or(() -> Long.parseLong(value) < 1
            ? Optional.of("must be a positive number of bytes, got " + value) : Optional.empty());
    SettingType CRON = value -> {
        try {
            CronExpression.validateExpression(value);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of("not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week,"
                    + " e.g. 0 0/5 * * * ?): " + e.getMessage() + ", got \"" + value + "\"");
        }
    };

    /** One of a few words, compared ignoring case. */
    static SettingType oneOf(String... words) {
        List<String> allowed = List.of(words);
        return value -> allowed.stream().anyMatch(w -> w.equalsIgnoreCase(value)) ? Optional.empty()
                : Optional.of("must be one of " + String.join(", ", allowed) + ", got \"" + value + "\"");
    }

    /** The type a default value suggests, for settings this check has no entry for. */
    static SettingType suggestedBy(String defaultValue) {
        String v = defaultValue.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return FLAG;
        }
        if (v.matches("-?\\d+(\\.\\d+)?")) {
            // a whole default does not prove the setting takes only whole numbers
            return NUMBER;
        }
        if (v.matches("\\d+(ms|s|m|h)") || v.startsWith("pt")) {
            return DURATION;
        }
        return TEXT;
    }

    private static Optional<String> parses(String value, java.util.function.Function<String, ?> parser,
                                           String expected) {
        try {
            parser.apply(value.trim());
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("must be " + expected + ", got \"" + value + "\"");
        }
    }
}
