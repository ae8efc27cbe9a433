package io.perfopt.simulator.metrics;

/**
 * What an agent reports about itself beyond its requests, at one instant.
 *
 * @param memoryRatio  live memory over the heap, 0..1
 * @param idleCpuRatio processor share used with no request running (threads, timers), 0..1
 * @param cores        cores the agent's cpu share is measured against
 * @param goalShare    the share of requests that must end in a successful decision for full goal progress
 */
public record Gauges(double memoryRatio, double idleCpuRatio, int cores, double goalShare) {

    public Gauges {
        if (!(memoryRatio >= 0 && memoryRatio <= 1) || !(idleCpuRatio >= 0 && idleCpuRatio <= 1)) {
            throw new IllegalArgumentException("memoryRatio and idleCpuRatio must be within 0..1, got "
                    + memoryRatio + " and " + idleCpuRatio);
        }
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
        if (!(goalShare > 0 && goalShare <= 1)) {
            throw new IllegalArgumentException("goalShare must be within (0, 1], got " + goalShare);
        }
    }
}
