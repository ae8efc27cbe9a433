package io.perfopt.engine.detect;

/**
 * How detection debounces.
 *
 * @param raiseAfter         consecutive evaluations over a threshold before a bottleneck is raised (2)
 * @param clearAfter         consecutive evaluations back inside the hysteresis band before it clears (2)
 * @param hysteresis         relative band a metric must clear the threshold by to count as recovered (0.10)
 * @param latencyStatistic   the response-time statistic compared with its threshold: p50, p95, p99 or mean (p95)
 * @param minSamples         samples a metric needs in the window to be evaluated at all (3)
 */
public record DetectionConfig(int raiseAfter, int clearAfter, double hysteresis, String latencyStatistic,
                              int minSamples) {

    public DetectionConfig {
        // SKELETON: validate
    }

    public static DetectionConfig defaults() {
        return new DetectionConfig(2, 2, 0.10, "p95", 3);
    }
}
