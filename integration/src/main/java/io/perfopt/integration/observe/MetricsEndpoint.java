package io.perfopt.integration.observe;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.Exchange;

/**
 * {@code GET /metrics}: the node's one meter registry (perfopt's meters and Camel's route
 * metrics) in the Prometheus text exposition format, or OpenMetrics when the scraper asks for it.
 */
public final class MetricsEndpoint {

    private static final String OPENMETRICS = "application/openmetrics-text";
    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Runnable beforeScrape;

    MetricsEndpoint(PrometheusMeterRegistry registry, Runnable beforeScrape) {
        this.registry = registry;
        this.beforeScrape = beforeScrape;
    }

    public String scrape(Exchange exchange) {
        beforeScrape.run();
        String accept = exchange.getIn().getHeader("Accept", "", String.class);
        String type = accept.contains(OPENMETRICS) ? OPENMETRICS + "; version=1.0.0; charset=utf-8" : TEXT;
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, type);
        return registry.scrape(type);
    }
}
