package io.perfopt.api.tuning;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobType;

/**
 * How a knob's steps are measured. A wide positive range (a cache from 0 to 20,000 entries, a
 * timeout from 200 to 10,000 ms) is searched by factors, since doubling means as much at 100 as
 * at 5,000; a narrow range or one around zero by fractions of its span; booleans and enums by
 * one value at a time.
 */
public enum Scale {
    /** Steps multiply the value: ×1.15 .. ×3. */
    RATIO,
    /** Steps add a fraction of the range: 2.5 % .. 35 % of max − min. */
    SPAN,
    /** Steps move to the neighbouring value (enum index ± 1, boolean toggle). */
    ORDINAL;

    // a range is "wide" when it spans at least 32 units and its top is 8 times its (positive) bottom
    private static final double WIDE_SPAN = 32;
    private static final double WIDE_RATIO = 8;

    /** The scale of a knob, from its type and range. */
    public static Scale of(Knob knob) {
        if (knob.type() == KnobType.BOOLEAN || knob.type() == KnobType.ENUM) {
            return ORDINAL;
        }
        boolean wide = knob.min() >= 0 && knob.span() >= WIDE_SPAN
                && knob.max() >= WIDE_RATIO * Math.max(1, knob.min());
        return wide ? RATIO : SPAN;
    }

    /**
     * The coordinate a search measures distances in: the logarithm for {@link #RATIO} (offset by
     * a thousandth of the range so that zero has one), the value itself otherwise.
     */
    public double coordinate(Knob knob, double value) {
        return this == RATIO ? Math.log(value + offset(knob)) : value;
    }

    /** The value at a {@link #coordinate}. */
    public double value(Knob knob, double coordinate) {
        return this == RATIO ? Math.exp(coordinate) - offset(knob) : coordinate;
    }

    private static double offset(Knob knob) {
        return Math.max(1e-9, knob.span() / 1000);
    }
}
