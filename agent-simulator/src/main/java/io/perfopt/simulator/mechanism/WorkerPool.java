package io.perfopt.simulator.mechanism;

import java.util.Arrays;

/**
 * A bounded pool of {@code c} workers serving requests first come, first served, in virtual
 * time: each worker is the instant it becomes free. A request waits for the earliest free
 * worker. The pool sheds load as adaptive servers do: a request whose wait plus the pool's
 * running estimate of a service time would pass its timeout is refused at once, without using a
 * worker; one admitted that still runs past the timeout is abandoned by its worker there.
 * Overload therefore costs refusals, not a collapse into work that always finishes too late.
 *
 * <p>Why too many workers hurt: every configured worker adds contention (locks, cache lines,
 * scheduler time) to the work of all the others, so service times stretch by
 * {@code 1 + contention * (c - 1)}. Few workers queue; many workers contend; the best count
 * lies between and moves with load.
 */
public final class WorkerPool {

    /** Weight of the newest service time in the running estimate. */
    private static final double ESTIMATE_WEIGHT = 0.05;

    private final double contentionPerExtraWorker;
    private double[] freeAtMs;
    private double estimatedServiceMs = Double.NaN;

    /** How long a refusal takes to answer. */
    public static final double REFUSAL_MS = 2;

    public WorkerPool(int workers, double contentionPerExtraWorker) {
        this.contentionPerExtraWorker = contentionPerExtraWorker;
        this.freeAtMs = new double[0];
        resize(workers);
    }

    /** Changes the worker count; work in progress finishes on the workers kept. */
    public void resize(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a worker pool needs at least 1 worker, got " + workers);
        }
        double[] sorted = freeAtMs.clone();
        Arrays.sort(sorted);
        double[] resized = new double[workers];
        Arrays.fill(resized, Double.NEGATIVE_INFINITY);
        System.arraycopy(sorted, 0, resized, 0, Math.min(workers, sorted.length));
        freeAtMs = resized;
    }

    /** How much a unit of work stretches at the current worker count. */
    public double contentionFactor() {
        return 1 + contentionPerExtraWorker * (freeAtMs.length - 1);
    }

    public int workers() {
        return freeAtMs.length;
    }

    /**
     * Queues a request arriving at {@code arrivalMs} that needs {@code workMs} of uncontended
     * work, giving up at {@code timeoutMs} after arrival.
     */
    public Admission admit(double arrivalMs, double workMs, double timeoutMs) {
        int worker = earliestFree();
        double startMs = Math.max(arrivalMs, freeAtMs[worker]);
        double waitMs = startMs - arrivalMs;
        double serviceMs = workMs * contentionFactor();
        double expectedMs = Double.isNaN(estimatedServiceMs) ? serviceMs : estimatedServiceMs;
        estimatedServiceMs = Double.isNaN(estimatedServiceMs) ? serviceMs
                : estimatedServiceMs + ESTIMATE_WEIGHT * (serviceMs - estimatedServiceMs);
        if (waitMs + expectedMs > timeoutMs) {
            return new Admission(0, 0, REFUSAL_MS, true, true);
        }
        if (waitMs + serviceMs > timeoutMs) {
            double servedMs = timeoutMs - waitMs;
            freeAtMs[worker] = startMs + servedMs;
            return new Admission(waitMs, servedMs, timeoutMs, true, false);
        }
        freeAtMs[worker] = startMs + serviceMs;
        return new Admission(waitMs, serviceMs, waitMs + serviceMs, false, false);
    }

    private int earliestFree() {
        int best = 0;
        for (int i = 1; i < freeAtMs.length; i++) {
            if (freeAtMs[i] < freeAtMs[best]) {
                best = i;
            }
        }
        return best;
    }
}
