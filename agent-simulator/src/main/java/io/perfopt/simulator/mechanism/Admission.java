package io.perfopt.simulator.mechanism;

/**
 * What a {@link WorkerPool} did with one request.
 *
 * @param waitMs    time spent queued before a worker took it (or before it gave up)
 * @param serviceMs time a worker spent on it, contention included; 0 when rejected
 * @param latencyMs time from arrival to answer: wait + service, or the timeout
 * @param timedOut  whether the timeout cut it off (in the queue or while being served)
 * @param refused   whether it was refused at once, without queueing (load shedding)
 */
public record Admission(double waitMs, double serviceMs, double latencyMs, boolean timedOut, boolean refused) {

    public Admission {
        if (waitMs < 0 || serviceMs < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("admission times must be >= 0, got wait " + waitMs
                    + ", service " + serviceMs + ", latency " + latencyMs);
        }
    }
}
