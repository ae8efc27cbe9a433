package io.perfopt.simulator.agent;

/** The current knob values of an agent, as its behaviour reads them. */
public interface KnobValues {

    /** The value of an int knob. */
    int intValue(String knob);

    /** The value of a double knob. */
    double doubleValue(String knob);

    /** The value name of an enum knob. */
    String enumValue(String knob);

    /** The value of a boolean knob. */
    boolean flag(String knob);
}
