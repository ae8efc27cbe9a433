package io.perfopt.api.knob;

/**
 * The type of a knob's value on the wire. Internally every value is a {@code double}: an
 * {@code INT} is a whole number, a {@code BOOLEAN} is 0 or 1, an {@code ENUM} is the index of
 * the value in {@link Knob#values()}.
 */
public enum KnobType {
    INT, DOUBLE, BOOLEAN, ENUM;

    /** Whether values of this type are whole numbers internally. */
    public boolean discrete() {
        return this != DOUBLE;
    }

    /** The wire name: {@code int}, {@code double}, {@code boolean} or {@code enum}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type of a wire name, case-insensitive. */
    public static KnobType ofWireName(String name) {
        for (KnobType type : values()) {
            if (type.wireName().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown knob type " + name + "; use int, double, boolean or enum");
    }
}
