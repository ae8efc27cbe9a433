package io.perfopt.api.metric;

/** Which way a metric gets better. */
public enum Goal {
    /** Smaller is better, e.g. response time. */
    MINIMIZE,
    /** Larger is better, e.g. success rate. */
    MAXIMIZE;

    /**
     * The improvement, in percent of {@code before}, of moving from {@code before} to
     * {@code after}: positive when the metric got better in this goal's direction.
     * Returns 0 when {@code before} is 0, where a relative change is undefined.
     */
    public double relativeImprovement(double before, double after) {
        if (before == 0) {
            return 0;
        }
        double change = (after - before) / Math.abs(before) * 100;
        return this == MINIMIZE ? -change : change;
    }
}
