package io.perfopt.integration.persist;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Values as they cross JDBC, the same on H2 and PostgreSQL. Instants go in as UTC
 * {@link OffsetDateTime}s (both drivers map them to {@code timestamp with time zone}); they come
 * back as whatever the driver returns for that type (H2 an {@code OffsetDateTime}, PostgreSQL a
 * {@link Timestamp}) and are read back into instants here.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** An instant for a {@code timestamp with time zone} parameter; null stays null. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant of a timestamp column value; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant t) {
            return t;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName() + " " + value);
    }

    /** A number column value as a double; null stays null. */
    public static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** A whole-number column value; null stays null. */
    public static Long whole(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** Text cut to the column's length, so that a long sentence never costs a whole report. */
    public static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
