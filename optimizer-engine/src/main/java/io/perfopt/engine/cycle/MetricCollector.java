package io.perfopt.engine.cycle;

/**
 * Port: collects fresh metrics at the start of a cycle, for deployments that poll on the cycle
 * rather than on their own schedule. Most deployments poll continuously through their routes
 * and leave this a no-op.
 */
@FunctionalInterface
public interface MetricCollector {

    /** Collects what it can; problems with single agents are its own to log, not to throw. */
    void collect();

    /** Collects nothing. */
    static MetricCollector none() {
        return () -> { };
    }
}
