package io.perfopt.integration.ingest;

import java.util.List;
import java.util.Optional;

/**
 * What one scrape of a Prometheus endpoint held: its metric families, and the lines that could
 * not be read.
 *
 * @param families the families in the order they first appear
 * @param errors   one entry per skipped line
 */
public record PrometheusScrape(List<MetricFamily> families, List<ScrapeError> errors) {

    public PrometheusScrape {
        families = List.copyOf(families);
        errors = List.copyOf(errors);
    }

    /** The family of that name, if the scrape held one. */
    public Optional<MetricFamily> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every sample of the scrape, family by family. */
    public List<PrometheusSample> samples() {
        return families.stream().flatMap(f -> f.samples().stream()).toList();
    }

    /** The samples whose series name is {@code name}, whatever family they belong to. */
    public List<PrometheusSample> samples(String name) {
        return samples().stream().filter(s -> s.name().equals(name)).toList();
    }
}
