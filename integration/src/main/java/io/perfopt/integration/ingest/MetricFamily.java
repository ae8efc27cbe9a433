package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import java.util.List;

/**
 * A Prometheus metric family: the samples that share a base name and a {@code # TYPE}. A summary
 * family {@code x} holds the series {@code x{quantile=..}}, {@code x_sum} and {@code x_count};
 * a histogram family {@code x} holds {@code x_bucket{le=..}}, {@code x_sum} and {@code x_count}.
 *
 * @param name    the family name
 * @param type    its declared type; {@link MetricType#UNTYPED} when none was declared
 * @param help    its {@code # HELP} text, unescaped; empty when none was given
 * @param samples its samples in the order of the scrape
 */
public record MetricFamily(String name, MetricType type, String help, List<PrometheusSample> samples) {

    public MetricFamily {
        Require.notBlank("family name", name);
        Require.notNull("type of family " + name, type);
        help = help == null ? "" : help;
        samples = List.copyOf(samples);
    }
}
