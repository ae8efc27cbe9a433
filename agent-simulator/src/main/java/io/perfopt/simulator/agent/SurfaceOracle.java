package io.perfopt.simulator.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The truth about a benchmark agent's objective at one instant, free of noise: where its
 * optimum is, what the objective is there, and what it is at the current knob values. An
 * effectiveness benchmark compares what an optimizer reached with this.
 *
 * @param optimum            the best value of each knob (wire form); for a knob that changes
 *                           nothing, its current value
 * @param objectiveAtOptimum the objective (response time, ms) at the optimum
 * @param objectiveNow       the objective at the current knob values
 */
public record SurfaceOracle(Map<String, Object> optimum, double objectiveAtOptimum, double objectiveNow) {

    public SurfaceOracle {
        optimum = Collections.unmodifiableMap(new LinkedHashMap<>(optimum));
        if (!Double.isFinite(objectiveAtOptimum) || !Double.isFinite(objectiveNow)) {
            throw new IllegalArgumentException("oracle objectives must be finite, got " + objectiveAtOptimum
                    + " and " + objectiveNow);
        }
    }

    /** How far the current objective is above the optimum, as a share of the optimum. */
    public double regret() {
        return (objectiveNow - objectiveAtOptimum) / objectiveAtOptimum;
    }
}
