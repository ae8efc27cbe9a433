package io.perfopt.simulator.agent;

import io.perfopt.api.knob.Knob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The knobs of one agent and their current values. Not thread-safe: the agent guards it. */
final class KnobBoard implements KnobValues {

    private final Map<String, KnobDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, Double> values = new LinkedHashMap<>();

    KnobBoard(List<KnobDefinition> knobs) {
        for (KnobDefinition knob : knobs) {
            if (definitions.put(knob.name(), knob) != null) {
                throw new IllegalArgumentException("knob " + knob.name() + " is defined twice");
            }
            values.put(knob.name(), knob.start());
        }
    }

    /** Every knob at its current value, in definition order. */
    List<Knob> knobs() {
        List<Knob> knobs = new ArrayList<>(definitions.size());
        definitions.values().forEach(d -> knobs.add(d.asKnob(values.get(d.name()))));
        return knobs;
    }

    /** The knob of that name at its current value. */
    Knob knob(String name) {
        return definition(name).asKnob(values.get(name));
    }

    /**
     * Sets a knob from its wire value; returns the knob as it was before.
     *
     * @throws NoSuchElementException   for an unknown knob
     * @throws IllegalArgumentException for a value of the wrong type or out of range
     */
    Knob set(String name, Object wireValue) {
        Knob before = knob(name);
        values.put(name, before.fromWire(wireValue));
        return before;
    }

    @Override
    public int intValue(String knob) {
        return (int) value(knob);
    }

    @Override
    public double doubleValue(String knob) {
        return value(knob);
    }

    @Override
    public String enumValue(String knob) {
        return definition(knob).values().get((int) value(knob));
    }

    @Override
    public boolean flag(String knob) {
        return value(knob) != 0;
    }

    private double value(String knob) {
        definition(knob);
        return values.get(knob);
    }

    private KnobDefinition definition(String name) {
        KnobDefinition definition = definitions.get(name);
        if (definition == null) {
            throw new NoSuchElementException("no knob " + name + "; knobs are " + definitions.keySet());
        }
        return definition;
    }
}
