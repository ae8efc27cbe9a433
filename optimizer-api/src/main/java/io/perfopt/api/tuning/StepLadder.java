package io.perfopt.api.tuning;

import io.perfopt.api.Require;
import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import java.util.Optional;

/**
 * Five step sizes per {@link Scale}, from fine to coarse. A search starts near the middle (the
 * default {@link LineSearch} one level above it), grows a step that keeps working and shrinks one
 * that overshot; the level's label names the step in the
 * learning key, so that what is learned about "×2 on cache.size" stays apart from "×1.15".
 *
 * <pre>
 *   level          0      1      2      3      4
 *   RATIO   ×    1.15    1.3    1.6     2      3      (down: ÷ the same factor)
 *   SPAN    ±    2.5 %   5 %    10 %   20 %   35 %    of max − min
 *   ORDINAL ±    one value at every level
 * </pre>
 *
 * A ratio step from a value near zero moves at least {@code span × fraction / 50} (a cache of 0
 * goes to 40 of 20,000 at level 2); a discrete knob always moves by at least 1.
 */
public final class StepLadder {

    /** The finest level. */
    public static final int FINEST = 0;
    /** The middle of the ladder. */
    public static final int MIDDLE = 2;
    /** The coarsest level. */
    public static final int COARSEST = 4;

    private static final double[] FACTORS = {1.15, 1.3, 1.6, 2, 3};
    private static final double[] FRACTIONS = {0.025, 0.05, 0.1, 0.2, 0.35};
    private static final double RATIO_FLOOR_DIVISOR = 50;

    private StepLadder() {
    }

    /** The move of {@code knob} one step of {@code level} in {@code direction}; empty at the end of its range. */
    public static Optional<Move> move(Knob knob, ChangeDirection direction, int level) {
        int l = clamp(level);
        double v = knob.value();
        double sign = direction == ChangeDirection.UP ? 1 : -1;
        double minimum = knob.type().discrete() ? 1 : 0;
        double raw = switch (Scale.of(knob)) {
            case RATIO -> {
                double floor = Math.max(minimum, knob.span() * FRACTIONS[l] / RATIO_FLOOR_DIVISOR);
                yield direction == ChangeDirection.UP ? Math.max(v * FACTORS[l], v + floor)
                        : Math.min(v / FACTORS[l], v - minimum);
            }
            case SPAN -> v + sign * Math.max(minimum, knob.span() * FRACTIONS[l]);
            case ORDINAL -> v + sign;
        };
        double target = tidy(knob, knob.snap(raw));
        if (target == v) {
            return Optional.empty();
        }
        return Optional.of(new Move(knob, direction, l, target, label(knob, l)));
    }

    /**
     * The move of {@code knob} straight to {@code target} (snapped), labelled with the nearest
     * ladder level; empty when it would not change the value.
     */
    public static Optional<Move> moveTo(Knob knob, double target) {
        double snapped = tidy(knob, knob.snap(target));
        if (snapped == knob.value()) {
            return Optional.empty();
        }
        KnobChange change = new KnobChange(knob.name(), knob.value(), snapped);
        int level = levelOf(knob, change);
        return Optional.of(new Move(knob, change.direction(), level, snapped, label(knob, level)));
    }

    /** The size of the finest step on this knob, in its scale's {@link Scale#coordinate coordinate}. */
    public static double finestDistance(Knob knob) {
        return switch (Scale.of(knob)) {
            case RATIO -> Math.log(FACTORS[FINEST]);
            case SPAN -> knob.span() * FRACTIONS[FINEST];
            case ORDINAL -> 1;
        };
    }

    /** The label of a step of {@code level} on this knob: {@code x1.6}, {@code 10%} or {@code 1}. */
    public static String label(Knob knob, int level) {
        int l = clamp(level);
        return switch (Scale.of(knob)) {
            case RATIO -> "x" + Require.plain(FACTORS[l]);
            case SPAN -> Require.plain(FRACTIONS[l] * 100) + "%";
            case ORDINAL -> "1";
        };
    }

    /** The level whose step is nearest to a change made to this knob (by any plugin), on a log scale. */
    public static int levelOf(Knob knob, KnobChange change) {
        double low = Math.min(change.from(), change.to());
        double high = Math.max(change.from(), change.to());
        return switch (Scale.of(knob)) {
            case RATIO -> low <= 0 ? MIDDLE : nearest(FACTORS, high / low);
            case SPAN -> knob.span() == 0 ? MIDDLE : nearest(FRACTIONS, (high - low) / knob.span());
            case ORDINAL -> MIDDLE;
        };
    }

    /**
     * The level shifted by the orchestrator's aggressiveness: one level per doubling
     * (0.5 → one finer, 2 → one coarser), within the ladder.
     */
    public static int scaled(int level, double aggressiveness) {
        return clamp(level + (int) Math.round(Math.log(aggressiveness) / Math.log(2)));
    }

    /** The level within {@link #FINEST}..{@link #COARSEST}. */
    public static int clamp(int level) {
        return Math.max(FINEST, Math.min(COARSEST, level));
    }

    /** A real value rounded to four significant digits of the knob's range, so that 0.3 is not 0.30000000000000004. */
    private static double tidy(Knob knob, double value) {
        if (knob.type().discrete() || knob.span() == 0) {
            return value;
        }
        int decimals = Math.max(0, 4 - (int) Math.floor(Math.log10(knob.span())));
        return knob.snap(java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue());
    }

    private static int nearest(double[] steps, double size) {
        int best = 0;
        for (int i = 1; i < steps.length; i++) {
            if (Math.abs(Math.log(size / steps[i])) < Math.abs(Math.log(size / steps[best]))) {
                best = i;
            }
        }
        return best;
    }
}
