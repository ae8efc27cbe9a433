package io.perfopt.integration.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One scrape of an agent seen together with the previous one: the current samples, and the
 * increase of counters since the previous scrape. Increases follow Prometheus' {@code increase()}
 * per series: a value lower than before means the counter was reset (the process restarted),
 * so the whole current value is the increase; a series absent from the previous scrape adds
 * nothing until it has two values.
 */
public final class ScrapeWindow {

    private final List<PrometheusSample> current;
    private final CounterSnapshot previous;
    private final Instant now;

    ScrapeWindow(PrometheusScrape current, CounterSnapshot previous, Instant now) {
        this.current = current.samples();
        this.previous = previous;
        this.now = now;
    }

    /** The current samples of the selected series. */
    public List<PrometheusSample> matching(SeriesSelector selector) {
        return current.stream().filter(selector::matches).toList();
    }

    /** Whether an earlier scrape of the agent exists to compute increases against. */
    public boolean hasPrevious() {
        return previous != null;
    }

    /** Seconds since the previous scrape; 0 when there was none. */
    public double secondsSincePrevious() {
        return previous == null ? 0 : Duration.between(previous.at(), now).toNanos() / 1e9;
    }

    /** The summed increase of the selected series since the previous scrape; empty when none has two values. */
    public OptionalDouble increase(SeriesSelector selector) {
        double sum = 0;
        boolean any = false;
        for (PrometheusSample sample : matching(selector)) {
            OptionalDouble increase = increase(sample);
            if (increase.isPresent()) {
                sum += increase.getAsDouble();
                any = true;
            }
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /** The increases of the selected series summed by the value of one label, e.g. histogram buckets by {@code le}. */
    public Map<String, Double> increaseByLabel(SeriesSelector selector, String label) {
        Map<String, Double> sums = new HashMap<>();
        for (PrometheusSample sample : matching(selector)) {
            OptionalDouble increase = increase(sample);
            if (increase.isPresent() && sample.label(label) != null) {
                sums.merge(sample.label(label), increase.getAsDouble(), Double::sum);
            }
        }
        return sums;
    }

    private OptionalDouble increase(PrometheusSample sample) {
        Double before = previous == null ? null : previous.values().get(sample.series());
        if (before == null) {
            return OptionalDouble.empty();
        }
        double after = sample.value();
        return OptionalDouble.of(after >= before ? after - before : after);
    }
}
