package io.perfopt.api.tuning;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.api.learning.LearningView;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.PlanningContext;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Replays one knob's trail through the {@link LineSearch} rules; one instance per call. */
final class SearchReplay {

    private static final double BELIEF_ADVANCING = 0.7;
    private static final double BELIEF_INTERPOLATED = 0.6;
    private static final double BELIEF_AFTER_FAILURE = 0.45;
    private static final double BELIEF_SMALL_GAIN = 0.55;
    // an improvement of 100 % or more would make the point before infinitely bad; cap it
    private static final double MAX_IMPROVEMENT = 95;

    private final LineSearch rules;
    private final Knob knob;
    private final Scale scale;
    private final KnobTrail trail;
    private final PlanningContext context;
    private final int startLevel;

    private SearchPhase phase = SearchPhase.PROBING;
    private ChangeDirection direction;
    private int level;
    private double target = Double.NaN;
    private double belief;
    private String reason;
    private double value = Double.NaN;
    /** The value before the last kept step, with its badness relative to the current value (1). */
    private Point behind;
    /** Points tried from the current value and rolled back, by direction. */
    private final Map<ChangeDirection, Point> failedHere = new EnumMap<>(ChangeDirection.class);
    private int noEffectStreak;
    private int restingSince = -1;
    private int rests;

    private record Point(double value, double badness) {
    }

    SearchReplay(LineSearch rules, Knob knob, KnobTrail trail, PlanningContext context) {
        this.rules = rules;
        this.knob = knob;
        this.scale = Scale.of(knob);
        this.trail = trail;
        this.context = context;
        this.startLevel = StepLadder.scaled(rules.startLevel(), context.aggressiveness());
    }

    SearchState run(DirectionPrior prior) {
        return run(prior, false);
    }

    /** Replays the trail; {@code wakeNow} ends a rest the trail leaves the knob in. */
    SearchState run(DirectionPrior prior, boolean wakeNow) {
        direction = trail.trials().isEmpty() ? learnedDirection(prior) : allowed(prior.direction());
        level = startLevel;
        belief = prior.priorOf(direction);
        reason = direction == prior.direction() ? "untried on this agent"
                : "learning on this agent class favours " + verb(direction) + "s";
        for (Trial trial : trail.trials()) {
            if (phase == SearchPhase.RESTING) {
                // tried again: its rest ran out, or it was woken because every knob rested
                wake(prior);
            }
            apply(trial);
        }
        if (restOver(Integer.MAX_VALUE) || (wakeNow && phase == SearchPhase.RESTING)) {
            wake(prior);
        }
        if (phase != SearchPhase.RESTING && !Double.isNaN(value) && value != knob.value()) {
            // moved behind the search's back: start over from where it is, keeping the way
            probeAfresh(prior.priorOf(direction), "its value changed since it was last tried");
        }
        return new SearchState(phase, direction, level, target, belief, reason,
                phase == SearchPhase.RESTING ? restingSince : -1);
    }

    private void apply(Trial trial) {
        int stepLevel = StepLadder.levelOf(knob, trial.change());
        boolean interpolation = phase == SearchPhase.BRACKETED;
        target = Double.NaN;
        if (trial.kept()) {
            value = trial.change().to();
            behind = new Point(trial.change().from(), 1 / (1 - Math.min(MAX_IMPROVEMENT, trial.improvement()) / 100));
            failedHere.clear();
            noEffectStreak = 0;
            if (!rules.allows(trial.direction())) {
                // moved a way this search never goes (another plugin's doing): probe afresh from there
                behind = null;
                probeAfresh(BELIEF_AFTER_FAILURE, "its value changed since it was last tried");
            } else if (interpolation) {
                // worse points lie on both sides already: what is left to gain is within the noise
                rest(trial, "it has settled at the estimated best value (" + percent(trial.improvement()) + ")");
            } else {
                phase = SearchPhase.ADVANCING;
                direction = trial.direction();
                level = rules.expand() ? StepLadder.clamp(stepLevel + 1) : stepLevel;
                belief = BELIEF_ADVANCING;
                reason = "the last " + verb(trial.direction()) + " was kept (" + percent(trial.improvement()) + ")";
            }
            return;
        }
        value = trial.change().from();
        Point tried = new Point(trial.change().to(), 1 - Math.max(-MAX_IMPROVEMENT, trial.improvement()) / 100);
        if (trial.smallGain() && !interpolation && stepLevel < StepLadder.COARSEST && !reachedEnd(trial)) {
            // the right way, too small a step to tell: the same way, one level coarser
            phase = SearchPhase.PROBING;
            direction = trial.direction();
            level = stepLevel + 1;
            belief = BELIEF_SMALL_GAIN;
            reason = "the last " + verb(trial.direction()) + " helped too little to count ("
                    + percent(trial.improvement()) + "); a bigger step";
            return;
        }
        noEffectStreak = trial.verdict() == Verdict.NO_EFFECT ? noEffectStreak + 1 : 0;
        if (noEffectStreak >= rules.restAfterNoEffect()) {
            rest(trial, "it showed no effect " + noEffectStreak + " times in a row");
        } else if (interpolation) {
            rest(trial, "it has converged: the estimated best value was no better (" + describe(trial) + ")");
        } else if (phase == SearchPhase.ADVANCING && trial.direction() == direction && behind != null) {
            bracket(trial, behind, tried, "the last " + verb(trial.direction()) + " went too far");
        } else {
            failedHere.put(trial.direction(), tried);
            ChangeDirection other = trial.direction().opposite();
            if (rules.allows(other) && !failedHere.containsKey(other)) {
                phase = SearchPhase.PROBING;
                direction = other;
                level = stepLevel;
                belief = BELIEF_AFTER_FAILURE;
                reason = "the last " + verb(trial.direction()) + " was rolled back (" + describe(trial) + ")";
            } else if (failedHere.size() == 2) {
                bracket(trial, failedHere.get(ChangeDirection.DOWN), failedHere.get(ChangeDirection.UP),
                        "steps were rolled back both ways");
            } else {
                phase = SearchPhase.PROBING;
                refine(trial.direction(), stepLevel, "the last " + verb(trial.direction()) + " was rolled back ("
                        + describe(trial) + ")");
            }
        }
    }

    /** Whether the trial went as far as the knob goes that way, so no bigger step exists. */
    private boolean reachedEnd(Trial trial) {
        double end = trial.direction() == ChangeDirection.UP ? knob.max() : knob.min();
        return trial.change().to() == end;
    }

    /** Worse points on both sides of the current value: aim at the parabola's minimum between them. */
    private void bracket(Trial trial, Point one, Point other, String why) {
        failedHere.clear();
        Point low = one.value() < other.value() ? one : other;
        Point high = low == one ? other : one;
        double middle = scale.coordinate(knob, value);
        OptionalDouble vertex = scale == Scale.ORDINAL ? OptionalDouble.empty()
                : Parabola.vertex(scale.coordinate(knob, low.value()), low.badness(), middle,
                scale.coordinate(knob, high.value()), high.badness());
        if (vertex.isEmpty()) {
            Point milder = low.badness() <= high.badness() ? low : high;
            phase = SearchPhase.PROBING;
            refine(ChangeDirection.of(value, milder.value()), StepLadder.levelOf(knob, trial.change()), why);
            return;
        }
        double estimate = knob.snap(scale.value(knob, vertex.getAsDouble()));
        if (Math.abs(vertex.getAsDouble() - middle) < StepLadder.finestDistance(knob) || estimate == value
                || estimate == low.value() || estimate == high.value()) {
            rest(trial, "it has converged: " + why + " and the best value is about where it is");
            return;
        }
        phase = SearchPhase.BRACKETED;
        target = estimate;
        direction = ChangeDirection.of(value, estimate);
        level = StepLadder.levelOf(knob, new io.perfopt.api.knob.KnobChange(knob.name(), value, estimate));
        belief = BELIEF_INTERPOLATED;
        reason = why + "; trying the interpolated best value";
    }

    /** One level finer the given way, or rest when that is finer than the search goes. */
    private void refine(ChangeDirection way, int stepLevel, String why) {
        int finer = stepLevel - 1;
        if (finer < rules.finestLevel() || scale == Scale.ORDINAL) {
            phase = SearchPhase.RESTING;
            restingSince = lastIndex();
            rests++;
            reason = "it has converged: " + why;
            return;
        }
        direction = allowed(way);
        level = finer;
        belief = BELIEF_AFTER_FAILURE;
        reason = why + "; a smaller step";
    }

    private void rest(Trial trial, String why) {
        phase = SearchPhase.RESTING;
        restingSince = trial.index();
        rests++;
        failedHere.clear();
        reason = why;
    }

    /** Whether a rest is over by history position {@code index}: each rest of a knob lasts longer. */
    private boolean restOver(int index) {
        return phase == SearchPhase.RESTING
                && trail.judgedBetween(restingSince, index) >= rules.restLength() * Math.max(1, rests);
    }

    private void wake(DirectionPrior prior) {
        probeAfresh(prior.priorOf(direction), "trying again after a rest");
    }

    private void probeAfresh(double newBelief, String why) {
        phase = SearchPhase.PROBING;
        direction = allowed(direction);
        level = startLevel;
        target = Double.NaN;
        behind = null;
        failedHere.clear();
        noEffectStreak = 0;
        belief = newBelief;
        reason = why;
    }

    private int lastIndex() {
        return trail.last().map(Trial::index).orElse(-1);
    }

    /**
     * The way learning found better for this knob on this agent class, with the prior worth two
     * trials: (successes + 2·prior) / (trials + 2), summed over every step size.
     */
    private ChangeDirection learnedDirection(DirectionPrior prior) {
        ChangeDirection best = allowed(prior.direction());
        double bestScore = -1;
        LearningView learning = context.learning();
        for (ChangeDirection way : rules.directions()) {
            long trials = 0;
            long successes = 0;
            for (int l = StepLadder.FINEST; l <= StepLadder.COARSEST; l++) {
                LearningStats stats = learning.stats(knob.name(), way, StepLadder.label(knob, l));
                trials += stats.trials();
                successes += stats.successes();
            }
            double score = (successes + 2 * prior.priorOf(way)) / (trials + 2.0);
            if (score > bestScore || (score == bestScore && way == prior.direction())) {
                best = way;
                bestScore = score;
            }
        }
        return best;
    }

    private ChangeDirection allowed(ChangeDirection way) {
        return rules.allows(way) ? way : way.opposite();
    }

    private static String describe(Trial trial) {
        return trial.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + percent(trial.improvement());
    }

    private static String percent(double improvement) {
        return String.format(Locale.ROOT, "%+.1f %%", improvement);
    }

    private static String verb(ChangeDirection way) {
        return way == ChangeDirection.UP ? "raise" : "lower";
    }
}
