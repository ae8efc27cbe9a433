package io.perfopt.simulator.agent;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobType;
import java.util.List;
import java.util.Set;

/**
 * A knob an agent kind offers: its range, its tags in the order the kind lists them, and the
 * value an agent of the kind starts with. The value checks of the wire protocol are
 * {@link Knob}'s, so the simulator accepts exactly what perfopt's actuator may send.
 *
 * @param name   e.g. {@code cache.size}
 * @param type   int, double, boolean or enum
 * @param min    smallest value (0 for booleans and enums)
 * @param max    largest value (1 for booleans, the last index for enums)
 * @param values the names of an enum's values, in index order
 * @param tags   what the knob is about, a contract with perfopt's plugins
 * @param start  the value an agent starts with (internal form)
 */
public record KnobDefinition(String name, KnobType type, double min, double max, List<String> values,
                             List<String> tags, double start) {

    public KnobDefinition {
        values = List.copyOf(values);
        tags = List.copyOf(tags);
        new Knob(name, type, min, max, start, values, Set.copyOf(tags));
    }

    public static KnobDefinition ofInt(String name, int min, int max, int start, String... tags) {
        return new KnobDefinition(name, KnobType.INT, min, max, List.of(), List.of(tags), start);
    }

    public static KnobDefinition ofDouble(String name, double min, double max, double start, String... tags) {
        return new KnobDefinition(name, KnobType.DOUBLE, min, max, List.of(), List.of(tags), start);
    }

    public static KnobDefinition ofBoolean(String name, boolean start, String... tags) {
        return new KnobDefinition(name, KnobType.BOOLEAN, 0, 1, List.of(), List.of(tags), start ? 1 : 0);
    }

    public static KnobDefinition ofEnum(String name, List<String> values, String start, String... tags) {
        int index = values.indexOf(start);
        if (index < 0) {
            throw new IllegalArgumentException("enum knob " + name + ": start " + start + " is not one of " + values);
        }
        return new KnobDefinition(name, KnobType.ENUM, 0, values.size() - 1, values, List.of(tags), index);
    }

    /** This definition with another start value, given in wire form (a number, boolean or enum name). */
    public KnobDefinition startingAt(Object wireValue) {
        return new KnobDefinition(name, type, min, max, values, tags, asKnob(start).fromWire(wireValue));
    }

    /** The protocol's view of this knob at {@code value}. */
    public Knob asKnob(double value) {
        return new Knob(name, type, min, max, value, values, Set.copyOf(tags));
    }
}
