package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import io.perfopt.api.metric.MetricsDocument;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one scrape of an agent yielded through its mapping.
 *
 * @param agentId   the agent scraped
 * @param timestamp when
 * @param metrics   value per perfopt metric, finite and scaled
 * @param rejected  what was unusable, one message per metric or skipped scrape line, naming the agent
 * @param skipped   metrics with no value this time for a reason that is no fault (first scrape of a rate, ...)
 */
public record ScrapeResult(String agentId, Instant timestamp, Map<String, Double> metrics, List<String> rejected,
                           List<String> skipped) {

    public ScrapeResult {
        Require.notBlank("agentId", agentId);
        Require.notNull("timestamp", timestamp);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    /** The metrics as a document, or empty when the scrape yielded none. */
    public Optional<MetricsDocument> document() {
        return metrics.isEmpty() ? Optional.empty() : Optional.of(MetricsDocument.of(agentId, timestamp, metrics));
    }
}
