package io.perfopt.engine.window;

import io.perfopt.api.metric.MetricSummary;
import java.time.Instant;
import java.util.Optional;

/** SKELETON — to be implemented (see the helper task). Samples of one metric of one agent. */
public final class SlidingWindow {

    public SlidingWindow(WindowConfig config) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Adds a sample; samples may arrive out of timestamp order. Evicts beyond maxSamples. */
    public void add(Instant at, double value) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Drops samples with a timestamp before {@code cutoff}. */
    public void evictBefore(Instant cutoff) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public int size() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Statistics of all retained samples; empty when none. Quantiles without sorting the window per read. */
    public Optional<MetricSummary> summary(String metric) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Statistics of the samples with {@code from <= t < to}; empty when none. */
    public Optional<MetricSummary> summaryBetween(String metric, Instant from, Instant to) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The values with {@code from <= t < to}, in timestamp order. */
    public double[] valuesBetween(Instant from, Instant to) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Timestamp of the newest sample. */
    public Optional<Instant> newest() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
