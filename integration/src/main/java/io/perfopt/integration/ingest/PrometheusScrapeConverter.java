package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Prometheus scrape of one agent into perfopt metrics through the agent's
 * {@link PrometheusMapping}. It remembers, per agent, the counter values of the previous scrape,
 * because rates, ratios and histogram quantiles are computed from increases between two scrapes:
 * the first scrape of an agent yields none of those. Thread-safe; scrapes of one agent are
 * expected one after the other, as a poll route makes them.
 */
public final class PrometheusScrapeConverter {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusScrapeConverter.class);

    private final Clock clock;
    private final Map<String, CounterSnapshot> previousByAgent = new ConcurrentHashMap<>();

    /** @param clock gives the time of each scrape, from which rates are computed */
    public PrometheusScrapeConverter(Clock clock) {
        this.clock = Require.notNull("clock", clock);
    }

    /** The perfopt metrics of {@code scrape}, taken now from agent {@code agentId}. */
    public ScrapeResult convert(String agentId, PrometheusMapping mapping, PrometheusScrape scrape) {
        Require.notBlank("agentId", agentId);
        Instant now = clock.instant();
        CounterSnapshot previous = previousByAgent.put(agentId, CounterSnapshot.of(now, scrape, mapping));
        ScrapeWindow window = new ScrapeWindow(scrape, previous, now);
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        scrape.errors().forEach(e -> rejected.add("agent " + agentId + ": scrape " + e));
        for (MappingRule rule : mapping.rules()) {
            String prefix = "agent " + agentId + ": metric " + rule.metric() + ": ";
            RuleOutcome outcome = rule.evaluate(window);
            if (outcome instanceof RuleOutcome.Value v) {
                double value = v.value() * rule.scale();
                if (Double.isFinite(value)) {
                    metrics.put(rule.metric(), value);
                } else {
                    rejected.add(prefix + "value " + value + " is not a finite number; skipped");
                }
            } else if (outcome instanceof RuleOutcome.Rejected r) {
                rejected.add(prefix + r.reason());
            } else if (outcome instanceof RuleOutcome.Skipped s) {
                skipped.add(prefix + s.reason());
            }
        }
        LOG.debug("agent {}: scrape mapped to {} ({} rejected, {} skipped)", agentId, metrics, rejected.size(),
                skipped.size());
        return new ScrapeResult(agentId, now, metrics, rejected, skipped);
    }

    /** Drops what is remembered of an agent, e.g. when it is deregistered. */
    public void forget(String agentId) {
        previousByAgent.remove(agentId);
    }
}
