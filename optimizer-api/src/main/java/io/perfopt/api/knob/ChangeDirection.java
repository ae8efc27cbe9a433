package io.perfopt.api.knob;

/** Which way a change moves a knob. */
public enum ChangeDirection {
    UP, DOWN;

    /** The direction of moving from {@code from} to {@code to}. */
    public static ChangeDirection of(double from, double to) {
        return to >= from ? UP : DOWN;
    }

    /** The other direction. */
    public ChangeDirection opposite() {
        return this == UP ? DOWN : UP;
    }
}
