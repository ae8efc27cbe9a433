/**
 * Shared search code for optimizer plugins: how far to turn a knob ({@link io.perfopt.api.tuning.StepLadder}),
 * which way to start ({@link io.perfopt.api.tuning.DirectionPrior}, {@link io.perfopt.api.tuning.KnobPriors}),
 * and where a knob's search stands given this agent's verdicts ({@link io.perfopt.api.tuning.LineSearch}).
 * {@link io.perfopt.api.tuning.KnobTuner} puts them together into proposals, so that most plugins are a knob
 * selection, a table of domain priors and a few guardrails.
 *
 * <p>Everything here is stateless: the search state of a knob is replayed from
 * {@link io.perfopt.api.spi.PlanningContext#history()} on every call, so a plugin keeps nothing between
 * cycles and survives a reload or a restart of perfopt with its search intact.
 */
package io.perfopt.api.tuning;
