package io.perfopt.api.tuning;

import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.api.learning.LearningView;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.PlanningContext;
import java.util.EnumMap;
import java.util.Map;

/** Replays one knob's trail through the {@link LineSearch} rules; one instance per call. */
final class SearchReplay {

    private static final double BELIEF_ADVANCING = 0.7;
    private static final double BELIEF_BRACKETED = 0.55;
    private static final double BELIEF_AFTER_FAILURE = 0.45;

    private final LineSearch rules;
    private final Knob knob;
    private final KnobTrail trail;
    private final PlanningContext context;
    private final int startLevel;

    private SearchPhase phase = SearchPhase.PROBING;
    private ChangeDirection direction;
    private int level;
    private double belief;
    private String reason;
    private final Map<ChangeDirection, Double> failedHere = new EnumMap<>(ChangeDirection.class);
    private int noEffectStreak;
    private int restingSince = -1;
    private double value = Double.NaN;

    SearchReplay(LineSearch rules, Knob knob, KnobTrail trail, PlanningContext context) {
        this.rules = rules;
        this.knob = knob;
        this.trail = trail;
        this.context = context;
        this.startLevel = StepLadder.scaled(rules.startLevel(), context.aggressiveness());
    }

    SearchState run(DirectionPrior prior) {
        direction = trail.trials().isEmpty() ? learnedDirection(prior) : allowed(prior.direction());
        level = startLevel;
        belief = prior.priorOf(direction);
        reason = direction == prior.direction() ? "untried on this agent"
                : "learning on this agent class favours " + verb(direction) + "s";
        for (Trial trial : trail.trials()) {
            if (phase == SearchPhase.RESTING && trail.judgedBetween(restingSince, trial.index()) >= rules.restLength()) {
                wake(prior);
            }
            if (phase == SearchPhase.RESTING && !trial.kept()) {
                value = trial.change().from();
                continue;
            }
            apply(trial);
        }
        if (phase == SearchPhase.RESTING && trail.judgedSince(restingSince) >= rules.restLength()) {
            wake(prior);
        }
        if (phase != SearchPhase.RESTING && !Double.isNaN(value) && value != knob.value()) {
            // moved behind the search's back: start over from where it is, keeping the way
            phase = SearchPhase.PROBING;
            level = startLevel;
            failedHere.clear();
            belief = prior.priorOf(direction);
            reason = "its value changed since it was last tried";
        }
        return new SearchState(phase, direction, level, belief, reason);
    }

    private void apply(Trial trial) {
        int stepLevel = StepLadder.levelOf(knob, trial.change());
        if (trial.kept() && !rules.allows(trial.direction())) {
            // moved a way this search never goes (another plugin's doing): probe afresh from there
            value = trial.change().to();
            phase = SearchPhase.PROBING;
            direction = allowed(direction);
            level = startLevel;
            failedHere.clear();
            return;
        }
        if (trial.kept()) {
            phase = phase == SearchPhase.BRACKETED ? SearchPhase.BRACKETED : SearchPhase.ADVANCING;
            direction = trial.direction();
            level = phase == SearchPhase.ADVANCING && rules.expand() ? StepLadder.clamp(stepLevel + 1) : stepLevel;
            belief = phase == SearchPhase.ADVANCING ? BELIEF_ADVANCING : BELIEF_BRACKETED;
            reason = "the last " + verb(trial.direction()) + " was kept (" + percent(trial.improvement()) + ")";
            failedHere.clear();
            noEffectStreak = 0;
            value = trial.change().to();
            return;
        }
        value = trial.change().from();
        noEffectStreak = trial.verdict() == Verdict.NO_EFFECT ? noEffectStreak + 1 : 0;
        if (noEffectStreak >= rules.restAfterNoEffect()) {
            rest(trial, "it showed no effect " + noEffectStreak + " times in a row");
            return;
        }
        boolean onward = phase != SearchPhase.PROBING && trial.direction() == direction;
        if (onward) {
            // the way was right and the step too long: the best value lies just ahead
            phase = SearchPhase.BRACKETED;
            shrink(trial, trial.direction(), "the last " + verb(trial.direction()) + " went too far");
            return;
        }
        failedHere.put(trial.direction(), trial.improvement());
        ChangeDirection other = trial.direction().opposite();
        if (rules.allows(other) && !failedHere.containsKey(other)) {
            direction = other;
            level = stepLevel;
            belief = BELIEF_AFTER_FAILURE;
            reason = "the last " + verb(trial.direction()) + " was rolled back (" + describe(trial) + ")";
            return;
        }
        ChangeDirection milder = failedHere.size() < 2 ? trial.direction()
                : failedHere.get(ChangeDirection.UP) >= failedHere.get(ChangeDirection.DOWN)
                ? ChangeDirection.UP : ChangeDirection.DOWN;
        failedHere.clear();
        shrink(trial, milder, "steps of this size were rolled back " + (rules.directions().size() > 1
                ? "both ways" : "(" + describe(trial) + ")"));
    }

    private void shrink(Trial trial, ChangeDirection way, String why) {
        int finer = StepLadder.levelOf(knob, trial.change()) - 1;
        if (finer < rules.finestLevel() || Scale.of(knob) == Scale.ORDINAL) {
            rest(trial, "it has converged: " + why);
            return;
        }
        direction = allowed(way);
        level = finer;
        belief = phase == SearchPhase.BRACKETED ? BELIEF_BRACKETED : BELIEF_AFTER_FAILURE;
        reason = why + "; a smaller step";
    }

    private void rest(Trial trial, String why) {
        phase = SearchPhase.RESTING;
        restingSince = trial.index();
        failedHere.clear();
        reason = why;
    }

    private void wake(DirectionPrior prior) {
        phase = SearchPhase.PROBING;
        level = startLevel;
        failedHere.clear();
        noEffectStreak = 0;
        belief = prior.priorOf(direction);
        reason = "trying again after a rest";
    }

    /**
     * The way learning found better for this knob on this agent class, with the prior worth two
     * trials: (successes + 2·prior) / (trials + 2), summed over every step size.
     */
    private ChangeDirection learnedDirection(DirectionPrior prior) {
        ChangeDirection best = allowed(prior.direction());
        double bestScore = -1;
        for (ChangeDirection way : rules.directions()) {
            long trials = 0;
            long successes = 0;
            LearningView learning = context.learning();
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
        return trial.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", "
                + percent(trial.improvement());
    }

    private static String percent(double improvement) {
        return String.format(java.util.Locale.ROOT, "%+.1f %%", improvement);
    }

    private static String verb(ChangeDirection way) {
        return way == ChangeDirection.UP ? "raise" : "lower";
    }
}
