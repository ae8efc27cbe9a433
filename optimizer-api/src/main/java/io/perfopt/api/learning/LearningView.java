package io.perfopt.api.learning;

import io.perfopt.api.knob.ChangeDirection;

/**
 * What learning knows, as a plugin sees it while planning: already scoped to the plugin, the
 * agent's class and the bottleneck type at hand, so a plugin asks only about knob, direction
 * and step.
 */
@FunctionalInterface
public interface LearningView {

    /** The statistics of turning {@code knob} in {@code direction} by {@code step}. */
    LearningStats stats(String knob, ChangeDirection direction, String step);

    /** A view that knows nothing. */
    static LearningView none() {
        return (knob, direction, step) -> LearningStats.NONE;
    }
}
