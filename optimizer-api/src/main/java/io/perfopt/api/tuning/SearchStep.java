package io.perfopt.api.tuning;

/**
 * The next step of a knob's line search.
 *
 * @param move   the knob change
 * @param phase  the search phase it comes from
 * @param prior  the belief, 0..1, that it helps: the proposal's prior
 * @param reason why it is the next step, one clause
 */
public record SearchStep(Move move, SearchPhase phase, double prior, String reason) {

    /** "raise cache.size 100→160: the last raise was kept (+12 %)". */
    public String describe() {
        return move.describe() + ": " + reason;
    }
}
