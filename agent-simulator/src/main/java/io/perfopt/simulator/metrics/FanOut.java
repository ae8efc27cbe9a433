package io.perfopt.simulator.metrics;

import java.util.List;

/** Passes every outcome on to several sinks: each reader's cursor and the running totals. */
public final class FanOut implements OutcomeSink {

    private final List<OutcomeSink> sinks;

    public FanOut(List<OutcomeSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void request(double atMs, RequestOutcome outcome) {
        for (OutcomeSink sink : sinks) {
            sink.request(atMs, outcome);
        }
    }

    @Override
    public void message(double atMs, MessageOutcome outcome) {
        for (OutcomeSink sink : sinks) {
            sink.message(atMs, outcome);
        }
    }

    @Override
    public void conflict(double atMs, double resolutionMs) {
        for (OutcomeSink sink : sinks) {
            sink.conflict(atMs, resolutionMs);
        }
    }
}
