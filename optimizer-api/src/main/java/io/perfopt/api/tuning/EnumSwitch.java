package io.perfopt.api.tuning;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobType;
import io.perfopt.api.spi.PlanningContext;
import java.util.Optional;

/**
 * Domain moves of enum knobs, for plugins that know what the values mean (which model is the
 * fast one, which source mix is the safe one). A move that was rolled back on this agent within
 * its last {@code quiet} judged changes is not proposed again until then.
 */
public final class EnumSwitch {

    /** Judged changes of the agent during which a rolled-back switch is not proposed again. */
    public static final int QUIET = 8;

    private EnumSwitch() {
    }

    /** Switches {@code knob} straight to {@code value}. */
    public static Optional<Move> to(PlanningContext context, String knob, String value) {
        return toward(context, knob, value, false);
    }

    /** Moves {@code knob} one value toward {@code value}, for enums whose values are ordered. */
    public static Optional<Move> stepToward(PlanningContext context, String knob, String value) {
        return toward(context, knob, value, true);
    }

    private static Optional<Move> toward(PlanningContext context, String name, String value, boolean oneStep) {
        Optional<Knob> found = context.knob(name).filter(k -> k.type() == KnobType.ENUM);
        if (found.isEmpty() || !found.get().values().contains(value)) {
            return Optional.empty();
        }
        Knob knob = found.get();
        double wanted = knob.values().indexOf(value);
        if (wanted == knob.value()) {
            return Optional.empty();
        }
        ChangeDirection way = ChangeDirection.of(knob.value(), wanted);
        double target = oneStep ? knob.value() + (way == ChangeDirection.UP ? 1 : -1) : wanted;
        KnobTrail trail = KnobTrail.of(context, name, context.bottleneck().type());
        if (trail.recentlyRolledBack(c -> c.to() == target, QUIET)) {
            return Optional.empty();
        }
        return Optional.of(new Move(knob, way, StepLadder.MIDDLE, target, oneStep ? "1" : "to-" + value));
    }
}
