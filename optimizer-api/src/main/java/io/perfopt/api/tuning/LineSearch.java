package io.perfopt.api.tuning;

import io.perfopt.api.Require;
import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.spi.PlanningContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A line search per knob, driven by the agent's verdicts. It keeps no state: every call replays
 * the knob's {@link KnobTrail} for the bottleneck at hand and answers with the next step.
 *
 * <pre>
 *   kept                    → the same way, one level coarser                (ADVANCING,  prior 0.7)
 *   no effect, but a significant gain (the right way, too small a step)
 *                           → the same way, one level coarser                (PROBING,    prior 0.55)
 *   rolled back, the other way untried from here
 *                           → the other way, same level                      (PROBING,    prior 0.45)
 *   worse on both sides (rolled back both ways, or an advance went too far)
 *                           → the minimum of the parabola through the three
 *                             points (badness from the measured improvements) (BRACKETED,  prior 0.6)
 *   after that step         → converged, kept or not: what is left is within the noise
 *   no significant effect twice in a row, or converged
 *                           → rest for restLength judged changes of the agent,
 *                             longer after each rest                          (RESTING)
 *   tried again while resting (its rest ran out, or it was {@link #woken woken})
 *                           → the rest ends; the trial counts as usual
 * </pre>
 *
 * A knob never tried starts at {@code startLevel} (shifted by aggressiveness, see
 * {@link StepLadder#scaled}) in the way learning found better on this agent class, or else the
 * way of its {@link DirectionPrior}. A knob whose value changed behind the search's back (another
 * bottleneck type, a person) is probed afresh from where it is. A one-way search (see
 * {@link #oneWay}) shrinks its step after a rollback instead of turning back.
 *
 * @param startLevel        the ladder level of a first step (default 3, one above {@link StepLadder#MIDDLE})
 * @param finestLevel       the finest level worth a trial; below it the knob has converged (default 1)
 * @param expand            whether a kept step makes the next one coarser (default true)
 * @param directions        the ways the search may turn knobs (default both)
 * @param restAfterNoEffect consecutive no-effect verdicts after which a knob rests (default 2)
 * @param restLength        judged changes of the agent a resting knob sits out (default 8)
 */
public record LineSearch(int startLevel, int finestLevel, boolean expand, Set<ChangeDirection> directions,
                         int restAfterNoEffect, int restLength) {

    private static final int DEFAULT_START_LEVEL = StepLadder.MIDDLE + 1;

    public LineSearch {
        Require.between("startLevel", startLevel, StepLadder.FINEST, StepLadder.COARSEST);
        Require.between("finestLevel", finestLevel, StepLadder.FINEST, StepLadder.COARSEST);
        directions = Set.copyOf(directions);
        if (directions.isEmpty()) {
            throw new IllegalArgumentException("a line search needs at least one direction");
        }
        Require.between("restAfterNoEffect", restAfterNoEffect, 1, 100);
        Require.between("restLength", restLength, 0, 1000);
    }

    /**
     * Both ways, from one level above the middle of the ladder (×2, or 20 % of the range), growing
     * kept steps. A first step has to move the metric by more than the judge's tolerance band (5 %)
     * to be kept; from the middle (×1.6, 10 %) it rarely did, and each too-small step cost a whole
     * verified change (measured in docs/BENCHMARKS.md, "Effectiveness").
     */
    public static LineSearch defaults() {
        return new LineSearch(DEFAULT_START_LEVEL, 1, true, EnumSet.allOf(ChangeDirection.class), 2, 8);
    }

    /** The same search turning knobs only one way (e.g. down, to give resources back). */
    public LineSearch oneWay(ChangeDirection only) {
        return new LineSearch(startLevel, finestLevel, expand, Set.of(only), restAfterNoEffect, restLength);
    }

    /** The same search starting from another level. */
    public LineSearch withStartLevel(int level) {
        return new LineSearch(level, Math.min(finestLevel, level), expand, directions, restAfterNoEffect, restLength);
    }

    /** The same search with another finest level. */
    public LineSearch withFinestLevel(int level) {
        return new LineSearch(startLevel, level, expand, directions, restAfterNoEffect, restLength);
    }

    /** The same search keeping the step size after a kept step instead of growing it. */
    public LineSearch withoutExpansion() {
        return new LineSearch(startLevel, finestLevel, false, directions, restAfterNoEffect, restLength);
    }

    /** The same search with another rest length. */
    public LineSearch withRestLength(int judgedChanges) {
        return new LineSearch(startLevel, finestLevel, expand, directions, restAfterNoEffect, judgedChanges);
    }

    /** Whether the search may turn knobs that way. */
    public boolean allows(ChangeDirection direction) {
        return directions.contains(direction);
    }

    /** Where the knob's search stands for the context's bottleneck. */
    public SearchState state(PlanningContext context, Knob knob, DirectionPrior prior) {
        KnobTrail trail = KnobTrail.of(context, knob.name(), context.bottleneck().type());
        return new SearchReplay(this, knob, trail, context).run(prior);
    }

    /**
     * Where the knob's search stands with its rest ended now: for the knob that has rested longest
     * when every knob rests, as no judged change would ever end their rests otherwise.
     */
    public SearchState woken(PlanningContext context, Knob knob, DirectionPrior prior) {
        KnobTrail trail = KnobTrail.of(context, knob.name(), context.bottleneck().type());
        return new SearchReplay(this, knob, trail, context).run(prior, true);
    }

    /** The knob's next step, or empty while it rests or when it cannot move the way it should. */
    public Optional<SearchStep> next(PlanningContext context, Knob knob, DirectionPrior prior) {
        return next(state(context, knob, prior), knob, prior);
    }

    /** The next step from a replayed {@code state} of the knob, or empty as for {@link #next(PlanningContext, Knob, DirectionPrior)}. */
    public Optional<SearchStep> next(SearchState state, Knob knob, DirectionPrior prior) {
        if (state.resting()) {
            return Optional.empty();
        }
        Optional<Move> move = state.interpolated() ? StepLadder.moveTo(knob, state.target())
                : StepLadder.move(knob, state.direction(), state.level());
        if (move.isPresent()) {
            return move.map(m -> new SearchStep(m, state.phase(), state.belief(), state.reason()));
        }
        // At the end of its range: a probe may still try the other way; an advance has arrived.
        ChangeDirection other = state.direction().opposite();
        if (state.phase() != SearchPhase.PROBING || !allows(other)) {
            return Optional.empty();
        }
        return StepLadder.move(knob, other, state.level()).map(m -> new SearchStep(m, SearchPhase.PROBING,
                prior.priorOf(other), knob.name() + " is at the end of its range the other way"));
    }
}
