package io.perfopt.api.knob;

import io.perfopt.api.Require;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A setting of an agent that perfopt may change, as the agent describes it on
 * {@code GET {controlUrl}/knobs}:
 *
 * <pre>{@code {"name": "cache.size", "type": "int", "min": 0, "max": 10000, "value": 100, "tags": ["latency", "cache"]}}</pre>
 *
 * Values are held as {@code double} (see {@link KnobType}); {@link #toWire(double)} and
 * {@link #fromWire(Object)} convert to and from the protocol's JSON values.
 *
 * @param name   unique within the agent, e.g. {@code cache.size}
 * @param type   the value type
 * @param min    smallest allowed value (0 for booleans and enums)
 * @param max    largest allowed value (1 for booleans, the last index for enums)
 * @param value  the current value
 * @param values the allowed names of an enum knob, in index order; empty otherwise
 * @param tags   what the knob is about, e.g. {@code latency}, {@code cache}, {@code resource}
 */
public record Knob(String name, KnobType type, double min, double max, double value, List<String> values,
                   Set<String> tags) {

    public Knob {
        Require.notBlank("knob name", name);
        Require.notNull("type of knob " + name, type);
        values = values == null ? List.of() : List.copyOf(values);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        Require.finite("knob " + name + " min", min);
        Require.finite("knob " + name + " max", max);
        if (min > max) {
            throw new IllegalArgumentException("knob " + name + ": min " + Require.plain(min)
                    + " exceeds max " + Require.plain(max));
        }
        switch (type) {
            case BOOLEAN -> requireBounds(name, min, max, 0, 1);
            case ENUM -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("enum knob " + name + " lists no values");
                }
                requireBounds(name, min, max, 0, values.size() - 1);
            }
            default -> { }
        }
        requireValid(name, type, min, max, value);
    }

    /** An integer knob. */
    public static Knob ofInt(String name, long min, long max, long value, String... tags) {
        return new Knob(name, KnobType.INT, min, max, value, List.of(), Set.of(tags));
    }

    /** A real-valued knob. */
    public static Knob ofDouble(String name, double min, double max, double value, String... tags) {
        return new Knob(name, KnobType.DOUBLE, min, max, value, List.of(), Set.of(tags));
    }

    /** A boolean knob. */
    public static Knob ofBoolean(String name, boolean value, String... tags) {
        return new Knob(name, KnobType.BOOLEAN, 0, 1, value ? 1 : 0, List.of(), Set.of(tags));
    }

    /** An enum knob set to {@code value}, one of {@code values}. */
    public static Knob ofEnum(String name, List<String> values, String value, String... tags) {
        int index = values.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("enum knob " + name + ": " + value + " is not one of " + values);
        }
        return new Knob(name, KnobType.ENUM, 0, values.size() - 1, index, values, Set.of(tags));
    }

    /** Whether the knob carries the tag. */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** Whether the knob carries any of the tags. */
    public boolean hasAnyTag(String... candidates) {
        return Arrays.stream(candidates).anyMatch(tags::contains);
    }

    /** Whether {@code candidate} is a value this knob accepts: in range, and whole where the type is discrete. */
    public boolean accepts(double candidate) {
        return Double.isFinite(candidate) && candidate >= min && candidate <= max
                && (!type.discrete() || candidate == Math.rint(candidate));
    }

    /** The accepted value nearest to {@code candidate}: clamped into range and rounded where discrete. */
    public double snap(double candidate) {
        double clamped = Math.max(min, Math.min(max, candidate));
        return type.discrete() ? Math.rint(clamped) : clamped;
    }

    /** A change from the current value to {@link #snap(double) snap(target)}. */
    public KnobChange changeTo(double target) {
        return new KnobChange(name, value, snap(target));
    }

    /** This knob with another value. */
    public Knob withValue(double newValue) {
        return new Knob(name, type, min, max, newValue, values, tags);
    }

    /** The width of the range. */
    public double span() {
        return max - min;
    }

    /** The JSON value of an internal value: a Long, Double, Boolean or String. */
    public Object toWire(double internal) {
        if (!accepts(internal)) {
            throw new IllegalArgumentException("knob " + name + " has no value " + Require.plain(internal)
                    + "; it takes " + Require.plain(min) + ".." + Require.plain(max)
                    + (type.discrete() ? ", whole" : ""));
        }
        return switch (type) {
            case INT -> (long) internal;
            case DOUBLE -> internal;
            case BOOLEAN -> internal != 0;
            case ENUM -> values.get((int) internal);
        };
    }

    /** The internal value of a JSON value, rejecting one of the wrong type with a message. */
    public double fromWire(Object json) {
        double parsed = switch (type) {
            case INT -> wholeNumber(json);
            case DOUBLE -> number(json);
            case BOOLEAN -> {
                if (!(json instanceof Boolean b)) {
                    throw wrongType(json);
                }
                yield b ? 1 : 0;
            }
            case ENUM -> {
                int index = json instanceof String s ? values.indexOf(s) : -1;
                if (index < 0) {
                    throw new IllegalArgumentException("knob " + name + " takes one of " + values + ", got " + json);
                }
                yield index;
            }
        };
        if (!accepts(parsed)) {
            throw new IllegalArgumentException("knob " + name + " takes values within " + Require.plain(min)
                    + ".." + Require.plain(max) + ", got " + json);
        }
        return parsed;
    }

    /** A readable form of an internal value, as reports print it. */
    public String format(double internal) {
        return String.valueOf(toWire(internal) instanceof Double d ? Require.plain(d) : toWire(internal));
    }

    private double number(Object json) {
        if (!(json instanceof Number n)) {
            throw wrongType(json);
        }
        return n.doubleValue();
    }

    private double wholeNumber(Object json) {
        double n = number(json);
        if (n != Math.rint(n)) {
            throw new IllegalArgumentException("knob " + name + " takes whole numbers, got " + json);
        }
        return n;
    }

    private IllegalArgumentException wrongType(Object json) {
        return new IllegalArgumentException("knob " + name + " takes a " + type.wireName() + " value, got "
                + (json == null ? "null" : json + " (" + json.getClass().getSimpleName() + ")"));
    }

    private static void requireBounds(String name, double min, double max, double expectedMin, double expectedMax) {
        if (min != expectedMin || max != expectedMax) {
            throw new IllegalArgumentException("knob " + name + " must range " + Require.plain(expectedMin) + ".."
                    + Require.plain(expectedMax) + ", got " + Require.plain(min) + ".." + Require.plain(max));
        }
    }

    private static void requireValid(String name, KnobType type, double min, double max, double value) {
        Require.finite("knob " + name + " value", value);
        if (value < min || value > max) {
            throw new IllegalArgumentException("knob " + name + ": value " + Require.plain(value)
                    + " is outside " + Require.plain(min) + ".." + Require.plain(max));
        }
        if (type.discrete() && value != Math.rint(value)) {
            throw new IllegalArgumentException("knob " + name + " takes whole values, got " + value);
        }
    }
}
