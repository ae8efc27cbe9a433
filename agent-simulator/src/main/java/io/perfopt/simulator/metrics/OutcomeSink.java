package io.perfopt.simulator.metrics;

/** Where a simulated agent's behaviour reports what its requests and messages came to. */
public interface OutcomeSink {

    /** A request finished (or failed) in the event at {@code atMs}. */
    void request(double atMs, RequestOutcome outcome);

    /** A coordination message was delivered or dropped at {@code atMs}. */
    void message(double atMs, MessageOutcome outcome);

    /** A conflict with a peer was settled after {@code resolutionMs}. */
    void conflict(double atMs, double resolutionMs);
}
