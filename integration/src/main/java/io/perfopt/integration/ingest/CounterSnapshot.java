package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter values of one agent's scrape that a mapping computes rates from, kept until the
 * next scrape of the agent. Only the series some rule reads are kept, not the whole scrape.
 *
 * @param at     when the scrape was taken
 * @param values value per series
 */
record CounterSnapshot(Instant at, Map<SeriesId, Double> values) {

    CounterSnapshot {
        Require.notNull("at", at);
        values = Map.copyOf(values);
    }

    /** The values of the series that the mapping's rules read as counters. */
    static CounterSnapshot of(Instant at, PrometheusScrape scrape, PrometheusMapping mapping) {
        List<SeriesSelector> counters = mapping.rules().stream().flatMap(r -> r.counters().stream()).toList();
        Map<SeriesId, Double> values = new HashMap<>();
        for (PrometheusSample sample : scrape.samples()) {
            if (counters.stream().anyMatch(c -> c.matches(sample))) {
                values.put(sample.series(), sample.value());
            }
        }
        return new CounterSnapshot(at, values);
    }
}
