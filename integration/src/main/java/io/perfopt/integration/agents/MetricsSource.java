package io.perfopt.integration.agents;

import io.perfopt.api.Require;
import io.perfopt.integration.ingest.PrometheusMapping;
import java.net.URI;
import java.time.Duration;

/**
 * How perfopt obtains an agent's metrics.
 *
 * @param format   json, prometheus, push, promql or jdbc
 * @param url      the agent's http(s) metrics URL (required for json and prometheus); the
 *                 Prometheus server (promql) or JDBC URL (jdbc); null for push
 * @param interval time between polls, &gt; 0 (default 5 s)
 * @param timeout  timeout of one poll, &gt; 0 (default 2 s)
 * @param mapping  for prometheus, the series → metric mapping (the default one when none was
 *                 declared); {@link PrometheusMapping#none()} for every other format
 * @param query    the PromQL or SQL query of promql and jdbc sources, kept as written; null otherwise
 */
public record MetricsSource(MetricsFormat format, URI url, Duration interval, Duration timeout,
                            PrometheusMapping mapping, String query) {

    /** The poll interval of agents that declare none. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** The poll timeout of agents that declare none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public MetricsSource {
        Require.notNull("metrics format", format);
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        ControlEndpoint.requirePositive("metrics interval", interval);
        ControlEndpoint.requirePositive("metrics timeout", timeout);
        if (format.pollsAgentUrl()) {
            Require.notNull("metrics url of format " + format.configName(), url);
            HttpUrl.check(url);
        } else if (format == MetricsFormat.PUSH && url != null) {
            throw new IllegalArgumentException("metrics url is not used by format push: the agent sends its "
                    + "documents to perfopt");
        } else if (format == MetricsFormat.PROMQL && url != null) {
            HttpUrl.check(url);
        }
        if (format == MetricsFormat.PROMETHEUS) {
            mapping = mapping == null ? PrometheusMapping.defaults() : mapping;
        } else if (mapping != null && !mapping.isEmpty()) {
            throw new IllegalArgumentException("metrics mapping applies to format prometheus only, not "
                    + format.configName());
        } else {
            mapping = PrometheusMapping.none();
        }
        boolean queried = format == MetricsFormat.PROMQL || format == MetricsFormat.JDBC;
        if (query != null && !queried) {
            throw new IllegalArgumentException("metrics query applies to formats promql and jdbc only, not "
                    + format.configName());
        }
    }

    /** A JSON document polled from {@code url} with default interval and timeout. */
    public static MetricsSource json(URI url) {
        return new MetricsSource(MetricsFormat.JSON, url, null, null, null, null);
    }

    /** A Prometheus endpoint scraped with the default mapping, interval and timeout. */
    public static MetricsSource prometheus(URI url) {
        return new MetricsSource(MetricsFormat.PROMETHEUS, url, null, null, null, null);
    }

    /** Documents pushed by the agent. */
    public static MetricsSource push() {
        return new MetricsSource(MetricsFormat.PUSH, null, null, null, null, null);
    }
}
