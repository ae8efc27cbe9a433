package io.perfopt.engine.window;

import io.perfopt.api.Require;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSample;
import io.perfopt.api.metric.MetricSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every agent's sliding windows, one per metric. Ingestion threads {@link #record} while the
 * cycle thread reads: agents live in a concurrent map, an agent's metrics in a copy-on-write
 * {@link WindowsByMetric}, and each window is locked on its own, so writers to different metrics
 * never wait for each other and a reader holds one window at a time.
 *
 * <p>Age is measured against the injected clock: every write and read first evicts samples
 * older than {@code clock.instant() - maxAge}. Reads return immutable {@link MetricsSnapshot}s.
 *
 * <p>A sample recorded for an agent while it is being {@link #forget forgotten} may bring the
 * agent back or be lost with it; both are fine for an agent that is leaving. Windows emptied by
 * eviction are kept (a metric name costs one small object) because removing them could drop a
 * sample being recorded at that instant.
 */
public final class MetricStore {

    private final WindowConfig config;
    private final Clock clock;
    private final long maxAgeNanos;
    private final ConcurrentMap<String, AgentWindows> agents = new ConcurrentHashMap<>();

    public MetricStore(WindowConfig config, Clock clock) {
        this.config = Require.notNull("window config", config);
        this.clock = Require.notNull("clock", clock);
        this.maxAgeNanos = EpochNanos.of(config.maxAge());
    }

    /** Adds one (already validated) sample to its agent's window of that metric. */
    public void record(MetricSample sample) {
        agents.computeIfAbsent(sample.agentId(), id -> new AgentWindows())
                .record(sample, config, cutoff());
    }

    /** Adds a batch, e.g. one pushed metrics document; its samples may be in any order. */
    public void recordAll(Collection<MetricSample> samples) {
        long cutoff = cutoff();
        for (MetricSample sample : samples) {
            agents.computeIfAbsent(sample.agentId(), id -> new AgentWindows()).record(sample, config, cutoff);
        }
    }

    /** The agent's metrics over the whole retained window (evicting by the clock first). */
    public AgentMetrics view(String agentId) {
        return snapshot(agentId, (metric, window) -> window.summary(metric));
    }

    /** The agent's metrics restricted to samples with timestamp >= since. */
    public AgentMetrics viewSince(String agentId, Instant since) {
        Require.notNull("since", since);
        return snapshot(agentId, (metric, window) -> window.summarySince(metric, since));
    }

    /**
     * The agent's metrics since {@code since}, each summarised only when first asked for and then
     * kept: what one detection pass reads. An agent reports 20 metrics or more while detection,
     * forecasting and the health score read four, and a summary of a time range costs a copy and
     * three selections; summarising all of them made detection about five times slower at 10,000
     * agents (docs/BENCHMARKS.md). Each metric is read once, so the pass sees one set of numbers
     * per metric; different metrics may be read a few milliseconds apart while ingestion goes on.
     * Safe to use from several threads.
     */
    public AgentMetrics lazyViewSince(String agentId, Instant since) {
        Require.notNull("since", since);
        AgentWindows windows = agents.get(agentId);
        if (windows == null) {
            return MetricsSnapshot.EMPTY;
        }
        return new LazyView(windows, since);
    }

    /** Statistics of one metric's samples with {@code from <= t < to}; empty when there are none. */
    public Optional<MetricSummary> summaryBetween(String agentId, String metric, Instant from, Instant to) {
        Require.notNull("from", from);
        Require.notNull("to", to);
        return read(agentId, metric, window -> window.summaryBetween(metric, from, to), Optional.empty());
    }

    /** One metric's raw values with {@code from <= t < to}, in timestamp order (what a judge tests). */
    public double[] samples(String agentId, String metric, Instant from, Instant to) {
        Require.notNull("from", from);
        Require.notNull("to", to);
        return read(agentId, metric, window -> window.valuesBetween(from, to), new double[0]);
    }

    /** When the oldest sample still held of one metric was observed: how far back its window reaches. */
    public Optional<Instant> oldest(String agentId, String metric) {
        return read(agentId, metric, SlidingWindow::oldest, Optional.empty());
    }

    /** When the newest sample of any metric of the agent was observed (eviction does not forget it). */
    public Optional<Instant> lastSeen(String agentId) {
        AgentWindows windows = agents.get(agentId);
        return windows == null ? Optional.empty() : Optional.ofNullable(windows.lastSeen.get());
    }

    /** The agents with windows, as of now. */
    public Set<String> agents() {
        return Set.copyOf(agents.keySet());
    }

    /** Drops every window of an agent (it left, or another node owns it now). */
    public void forget(String agentId) {
        agents.remove(agentId);
    }

    private long cutoff() {
        return EpochNanos.minus(EpochNanos.of(clock.instant()), maxAgeNanos);
    }

    private AgentMetrics snapshot(String agentId,
                                  BiFunction<String, SlidingWindow, Optional<MetricSummary>> summarize) {
        AgentWindows windows = agents.get(agentId);
        if (windows == null) {
            return MetricsSnapshot.EMPTY;
        }
        long cutoff = cutoff();
        Map<String, MetricSummary> summaries = new HashMap<>();
        windows.byMetric.forEach((metric, window) -> {
            synchronized (window) {
                window.evictBeforeNanos(cutoff);
                summarize.apply(metric, window).ifPresent(s -> summaries.put(metric, s));
            }
        });
        return new MetricsSnapshot(summaries);
    }

    private <T> T read(String agentId, String metric, Function<SlidingWindow, T> reader, T none) {
        AgentWindows windows = agents.get(agentId);
        SlidingWindow window = windows == null ? null : windows.byMetric.get(metric);
        if (window == null) {
            return none;
        }
        synchronized (window) {
            window.evictBeforeNanos(cutoff());
            return reader.apply(window);
        }
    }

    /**
     * Summaries of one agent's windows since an instant, each read on first use and then kept.
     * The memo is a small map under the view's lock: a view is read by one thread at a time in
     * practice, and a concurrent map per agent and cycle allocated a table and locked a bin for
     * each of its four or five entries.
     */
    private final class LazyView implements AgentMetrics {

        private final AgentWindows windows;
        private final Instant since;
        private final Map<String, Optional<MetricSummary>> read = new HashMap<>(8);
        private long cutoff = Long.MIN_VALUE;

        LazyView(AgentWindows windows, Instant since) {
            this.windows = windows;
            this.since = since;
        }

        @Override
        public Set<String> metrics() {
            Set<String> present = new java.util.HashSet<>();
            for (String metric : windows.byMetric.names()) {
                if (summary(metric).isPresent()) {
                    present.add(metric);
                }
            }
            return Set.copyOf(present);
        }

        @Override
        public synchronized Optional<MetricSummary> summary(String metric) {
            Optional<MetricSummary> known = read.get(metric);
            if (known == null) {
                known = summarise(metric);
                read.put(metric, known);
            }
            return known;
        }

        private Optional<MetricSummary> summarise(String metric) {
            SlidingWindow window = windows.byMetric.get(metric);
            if (window == null) {
                return Optional.empty();
            }
            if (cutoff == Long.MIN_VALUE) {
                cutoff = cutoff(); // one clock reading per view: its reads are microseconds apart
            }
            synchronized (window) {
                window.evictBeforeNanos(cutoff);
                return window.summarySince(metric, since);
            }
        }
    }

    /** The windows of one agent and the newest timestamp it ever reported. */
    private static final class AgentWindows {

        final WindowsByMetric byMetric = new WindowsByMetric();
        final AtomicReference<Instant> lastSeen = new AtomicReference<>();

        void record(MetricSample sample, WindowConfig config, long cutoff) {
            SlidingWindow window = byMetric.getOrAdd(sample.metric(), () -> new SlidingWindow(config));
            synchronized (window) {
                window.add(sample.timestamp(), sample.value());
                window.evictBeforeNanos(cutoff);
            }
            lastSeen.accumulateAndGet(sample.timestamp(), (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }
}
