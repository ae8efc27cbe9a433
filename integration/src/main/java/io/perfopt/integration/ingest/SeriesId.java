package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The identity of one Prometheus time series: its name and its full label set. Two samples of
 * the same series in successive scrapes are what a counter rate is computed from.
 *
 * @param name   the series name, e.g. {@code http_requests_total} or {@code latency_bucket}
 * @param labels every label of the series
 */
public record SeriesId(String name, Map<String, String> labels) {

    public SeriesId {
        Require.notBlank("series name", name);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** {@code name{a="1",b="2"}} with labels sorted, as Prometheus prints a series. */
    @Override
    public String toString() {
        if (labels.isEmpty()) {
            return name;
        }
        return new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", name + "{", "}"));
    }
}
