package io.perfopt.simulator.agent;

import java.time.Instant;

/**
 * One knob change of an agent's history.
 *
 * @param at       when it took effect
 * @param knob     the knob's name
 * @param oldValue the wire value before
 * @param newValue the wire value after
 */
public record KnobChangeRecord(Instant at, String knob, Object oldValue, Object newValue) {

    public KnobChangeRecord {
        if (at == null || knob == null || oldValue == null || newValue == null) {
            throw new IllegalArgumentException("a knob change needs a time, a knob and both values, got "
                    + at + ", " + knob + ", " + oldValue + ", " + newValue);
        }
    }
}
