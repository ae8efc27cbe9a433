package io.perfopt.simulator.metrics;

import io.perfopt.simulator.mechanism.Judgement;

/**
 * What one simulated request came to.
 *
 * @param status     refused (shed at once, never served), failed (error, timeout), skipped
 *                   (analysed, confidence below the threshold) or decided
 * @param latencyMs  time from arrival to answer
 * @param workMs     time spent working on it once a worker took it (the decision speed)
 * @param cpuMs      processor time it used, wasted or not
 * @param confidence the confidence of its analysis, 0.5..1; 0 when it failed
 * @param correct    whether its analysis was right, whether or not it was acted on
 * @param succeeded  whether the decision taken succeeded; false unless decided
 */
public record RequestOutcome(Status status, double latencyMs, double workMs, double cpuMs, double confidence,
                             boolean correct, boolean succeeded) {

    /** How a request ended. */
    public enum Status { REFUSED, FAILED, SKIPPED, DECIDED }

    public RequestOutcome {
        if (status == null) {
            throw new IllegalArgumentException("request status must not be null");
        }
        requireTime("latencyMs", latencyMs);
        requireTime("workMs", workMs);
        requireTime("cpuMs", cpuMs);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
        if (succeeded && status != Status.DECIDED) {
            throw new IllegalArgumentException("only a decided request can succeed, got " + status);
        }
    }

    /** A request that failed after {@code latencyMs}, having used {@code cpuMs}. */
    public static RequestOutcome failed(double latencyMs, double cpuMs) {
        return new RequestOutcome(Status.FAILED, latencyMs, 0, cpuMs, 0, false, false);
    }

    /**
     * A request the worker pool did not take: refused at once when it was shed, failed when its
     * timeout cut it off in the queue or in service.
     */
    public static RequestOutcome notServed(io.perfopt.simulator.mechanism.Admission admission, double latencyMs,
                                           double cpuMs) {
        return new RequestOutcome(admission.refused() ? Status.REFUSED : Status.FAILED, latencyMs, 0, cpuMs, 0,
                false, false);
    }

    /** A request that was analysed; decided when its confidence reached the threshold. */
    public static RequestOutcome analysed(double latencyMs, double workMs, double cpuMs, double confidence,
                                          boolean correct, boolean decided, boolean succeeded) {
        return new RequestOutcome(decided ? Status.DECIDED : Status.SKIPPED, latencyMs, workMs, cpuMs, confidence,
                correct, decided && succeeded);
    }

    /**
     * A request analysed to {@code judgement}: decided when its confidence reached
     * {@code threshold}, and then succeeded when it was right about {@code truth}.
     */
    public static RequestOutcome judged(double latencyMs, double workMs, double cpuMs, Judgement judgement,
                                        int truth, double threshold) {
        boolean correct = judgement.rightAbout(truth);
        return analysed(latencyMs, workMs, cpuMs, judgement.confidence(), correct,
                judgement.confidence() >= threshold, correct);
    }

    public boolean decided() {
        return status == Status.DECIDED;
    }

    /** Whether it did not succeed in being answered: refused or failed. */
    public boolean failed() {
        return status == Status.FAILED || status == Status.REFUSED;
    }

    /**
     * Whether its latency counts as a response time. A refusal answers in a couple of
     * milliseconds without doing any work; counting it would make an overloaded agent look fast.
     */
    public boolean served() {
        return status != Status.REFUSED;
    }

    private static void requireTime(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite time >= 0, got " + value);
        }
    }
}
