package io.perfopt.engine.window;

import io.perfopt.api.Require;
import io.perfopt.api.metric.MetricSummary;
import java.time.Instant;
import java.util.Optional;

/**
 * The recent samples of one metric of one agent, bounded by {@link WindowConfig#maxAge()} and
 * {@link WindowConfig#maxSamples()}, with count, mean, min, quantiles and max of the whole
 * window readable at any time without sorting it.
 *
 * <p>Three structures move together: a {@link TimeOrderedBuffer} (samples by timestamp, for
 * eviction and time ranges), {@link SortedChunks} (the same values by value, for ranks) and a
 * {@link CompensatedSum} (for the mean). A sample costs 24 to 32 bytes (16 in the ring, 8 to 16
 * in chunks between half and completely full); a window of a million samples 24 to 32 MB.
 *
 * <ul>
 *   <li>{@link #add}: O(log n + 512) when samples arrive in timestamp order; a late sample also
 *       shifts the samples between its place and the nearer end of the buffer.</li>
 *   <li>{@link #summary}: O(chunks) after a change, O(log chunks) when nothing changed; quantiles
 *       follow {@link Quantile} (type 7).</li>
 *   <li>{@link #summaryBetween}: binary search on time, then {@link MetricSummaries} on a copy of
 *       the range (quickselect, O(range)); a range covering the window is served as {@link #summary}.
 *       {@link #summarySince}, what detection reads every cycle, searches from the newest sample
 *       instead, in O(log range).</li>
 * </ul>
 *
 * <p>Age is bounded twice: {@link #evictBefore} drops what the caller's clock says is too old,
 * and {@link #add} drops samples more than {@code maxAge} older than the newest sample, so that a
 * window fed without a clock still spans at most {@code maxAge}. When the window is full, the
 * oldest sample goes, which is the new one if it is older than all others.
 *
 * <p>Not thread-safe: {@link MetricStore} locks each window.
 */
public final class SlidingWindow {

    private final long maxAgeNanos;
    private final TimeOrderedBuffer byTime;
    private final SortedChunks byValue = new SortedChunks();
    private final CompensatedSum sum = new CompensatedSum();
    private int removalsSinceResum;

    public SlidingWindow(WindowConfig config) {
        Require.notNull("window config", config);
        this.maxAgeNanos = EpochNanos.of(config.maxAge());
        this.byTime = new TimeOrderedBuffer(config.maxSamples());
    }

    /** Adds a sample; samples may arrive out of timestamp order. Evicts beyond maxSamples. */
    public void add(Instant at, double value) {
        Require.notNull("sample timestamp", at);
        Require.finite("window sample value", value);
        long time = EpochNanos.of(at);
        if (byTime.size() > 0) {
            if (time < EpochNanos.minus(byTime.newestTime(), maxAgeNanos)) {
                return; // already older than the window spans
            }
            if (byTime.isFull()) {
                if (time < byTime.oldestTime()) {
                    return; // it would be the oldest, the one to drop
                }
                removeOldest();
            }
        }
        byTime.insert(time, value);
        byValue.add(value);
        sum.add(value);
        evictBeforeNanos(EpochNanos.minus(byTime.newestTime(), maxAgeNanos));
    }

    /** Drops samples with a timestamp before {@code cutoff}. */
    public void evictBefore(Instant cutoff) {
        Require.notNull("eviction cutoff", cutoff);
        evictBeforeNanos(EpochNanos.of(cutoff));
    }

    void evictBeforeNanos(long cutoff) {
        while (byTime.size() > 0 && byTime.oldestTime() < cutoff) {
            removeOldest();
        }
    }

    public int size() {
        return byTime.size();
    }

    /** Statistics of all retained samples; empty when none. Quantiles without sorting the window per read. */
    public Optional<MetricSummary> summary(String metric) {
        int n = byValue.size();
        if (n == 0) {
            return Optional.empty();
        }
        double min = byValue.min();
        double max = byValue.max();
        double mean = MetricSummaries.mean(sum.value(), n, min, max, byTime::value);
        double p50 = Quantile.interpolate(n, 0.50, byValue::get);
        double p95 = Quantile.interpolate(n, 0.95, byValue::get);
        double p99 = Quantile.interpolate(n, 0.99, byValue::get);
        return Optional.of(new MetricSummary(metric, n, mean, min, p50, p95, p99, max));
    }

    /** Statistics of the samples with {@code from <= t < to}; empty when none. */
    public Optional<MetricSummary> summaryBetween(String metric, Instant from, Instant to) {
        return summaryOfRange(metric, byTime.lowerBound(EpochNanos.of(from)), byTime.lowerBound(EpochNanos.of(to)));
    }

    /** Statistics of the samples with {@code t >= from}, up to the newest; empty when none. */
    public Optional<MetricSummary> summarySince(String metric, Instant from) {
        return summaryOfRange(metric, byTime.lowerBoundFromNewest(EpochNanos.of(from)), byTime.size());
    }

    /** The values with {@code from <= t < to}, in timestamp order. */
    public double[] valuesBetween(Instant from, Instant to) {
        int lo = byTime.lowerBound(EpochNanos.of(from));
        int hi = byTime.lowerBound(EpochNanos.of(to));
        return lo >= hi ? new double[0] : byTime.copyValues(lo, hi);
    }

    /** Timestamp of the newest sample. */
    public Optional<Instant> newest() {
        return byTime.size() == 0 ? Optional.empty() : Optional.of(EpochNanos.toInstant(byTime.newestTime()));
    }

    /** Timestamp of the oldest retained sample. */
    public Optional<Instant> oldest() {
        return byTime.size() == 0 ? Optional.empty() : Optional.of(EpochNanos.toInstant(byTime.oldestTime()));
    }

    private Optional<MetricSummary> summaryOfRange(String metric, int from, int to) {
        if (from >= to) {
            return Optional.empty();
        }
        if (from == 0 && to == byTime.size()) {
            return summary(metric);
        }
        return MetricSummaries.of(metric, byTime.copyValues(from, to));
    }

    private void removeOldest() {
        double value = byTime.removeOldest();
        byValue.remove(value);
        sum.subtract(value);
        if (byTime.size() == 0) {
            sum.reset();
            removalsSinceResum = 0;
            return;
        }
        // a compensated sum still drifts a little under endless add/remove: re-add exactly once
        // per window's worth of removals, which costs O(1) amortised
        if (++removalsSinceResum >= Math.max(byTime.size(), 1024)) {
            resum();
        }
    }

    private void resum() {
        sum.reset();
        for (int i = 0; i < byTime.size(); i++) {
            sum.add(byTime.value(i));
        }
        removalsSinceResum = 0;
    }
}
