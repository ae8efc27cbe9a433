package io.perfopt.api.tuning;

import io.perfopt.api.Require;
import io.perfopt.api.knob.ChangeDirection;

/**
 * Which way a knob is believed to help before this agent has tried it, and how strongly: e.g.
 * "more cache usually cuts latency" is {@code up(0.65)}. The belief in the other direction is
 * taken as {@code 1 − prior}, kept within 0.3..0.7 so that no direction is ruled out before it
 * is measured.
 *
 * @param direction the direction believed to help
 * @param prior     the belief, 0..1, that a step that way helps
 */
public record DirectionPrior(ChangeDirection direction, double prior) {

    /** No idea either way: try raising first, with an even belief. */
    public static final DirectionPrior NEUTRAL = new DirectionPrior(ChangeDirection.UP, 0.5);

    public DirectionPrior {
        Require.notNull("direction", direction);
        Require.between("prior", prior, 0, 1);
    }

    /** Raising helps, with this belief. */
    public static DirectionPrior up(double prior) {
        return new DirectionPrior(ChangeDirection.UP, prior);
    }

    /** Lowering helps, with this belief. */
    public static DirectionPrior down(double prior) {
        return new DirectionPrior(ChangeDirection.DOWN, prior);
    }

    /** The belief that a step in {@code way} helps. */
    public double priorOf(ChangeDirection way) {
        return way == direction ? prior : Math.max(0.3, Math.min(0.7, 1 - prior));
    }
}
