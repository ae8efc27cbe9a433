package io.perfopt.api.tuning;

import io.perfopt.api.Require;
import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.spi.Proposal;

/**
 * One step of one knob: from its current value to {@code target}, by a step of the
 * {@link StepLadder} whose label becomes the proposal's {@code step} (part of its learning key).
 *
 * @param knob      the knob, with its current value
 * @param direction up or down
 * @param level     the ladder level of the step, {@link StepLadder#FINEST} .. {@link StepLadder#COARSEST}
 * @param target    the accepted value to set, different from the current one
 * @param label     the step's label, e.g. {@code x1.6} or {@code 10%}
 */
public record Move(Knob knob, ChangeDirection direction, int level, double target, String label) {

    public Move {
        Require.notNull("knob", knob);
        Require.notNull("direction", direction);
        Require.notBlank("label", label);
        if (!knob.accepts(target) || target == knob.value()) {
            throw new IllegalArgumentException("move of " + knob.name() + " must go to another accepted value, got "
                    + Require.plain(target) + " from " + Require.plain(knob.value()));
        }
    }

    /** The knob change of this move. */
    public KnobChange change() {
        return new KnobChange(knob.name(), knob.value(), target);
    }

    /** "raise cache.size 100→160" in the knob's own units. */
    public String describe() {
        String verb = switch (knob.type()) {
            case ENUM -> "switch";
            case BOOLEAN -> target != 0 ? "enable" : "disable";
            default -> direction == ChangeDirection.UP ? "raise" : "lower";
        };
        return verb + " " + knob.name() + " " + knob.format(knob.value()) + "→" + knob.format(target);
    }

    /** A proposal of this move, described as "{@link #describe()} {@code why}", with its step label; add the rest. */
    public Proposal.Builder toProposal(String why) {
        return Proposal.builder(describe() + " " + why).change(change()).step(label);
    }
}
