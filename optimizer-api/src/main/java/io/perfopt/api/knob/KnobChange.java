package io.perfopt.api.knob;

import io.perfopt.api.Require;

/**
 * A change of one knob from the value it had when the change was planned to a new value.
 * Values are in the knob's internal form (see {@link KnobType}).
 *
 * @param knob the knob's name
 * @param from the value observed before the change
 * @param to   the value to set
 */
public record KnobChange(String knob, double from, double to) {

    public KnobChange {
        Require.notBlank("knob name", knob);
        Require.finite("knob " + knob + " old value", from);
        Require.finite("knob " + knob + " new value", to);
        if (from == to) {
            throw new IllegalArgumentException("change of knob " + knob + " keeps its value " + Require.plain(to));
        }
    }

    /** Whether the change raises or lowers the knob. */
    public ChangeDirection direction() {
        return ChangeDirection.of(from, to);
    }

    /** The change that undoes this one. */
    public KnobChange inverse() {
        return new KnobChange(knob, to, from);
    }

    @Override
    public String toString() {
        return knob + " " + Require.plain(from) + "→" + Require.plain(to);
    }
}
