package io.perfopt.integration.agents;

import io.perfopt.api.Require;
import io.perfopt.integration.ingest.PrometheusMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How perfopt obtains an agent's metrics.
 *
 * @param format   json, prometheus, push, promql or jdbc
 * @param url      the agent's http(s) metrics URL (json, prometheus); the Prometheus server's
 *                 http(s) URL (promql); the JDBC URL of the database the agent writes (jdbc);
 *                 null for push. Required for every format but push.
 * @param interval time between polls, &gt; 0 (default 5 s)
 * @param timeout  timeout of one poll, &gt; 0 (default 2 s)
 * @param mapping  for prometheus, the series → metric mapping (the default one when none was
 *                 declared); {@link PrometheusMapping#none()} for every other format
 * @param query    the SQL query of a jdbc source, kept as written (required for jdbc); null otherwise
 * @param user     the database user of a jdbc source; null for none
 * @param password its password; null for none; never shown by {@link #toString()}
 * @param queries  for promql, one instant query per perfopt metric name, in the order written
 *                 (required, at least one); empty for every other format
 */
public record MetricsSource(MetricsFormat format, URI url, Duration interval, Duration timeout,
                            PrometheusMapping mapping, String query, String user, String password,
                            Map<String, String> queries) {

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
        checkUrl(format, url);
        if (format == MetricsFormat.PROMETHEUS) {
            mapping = mapping == null ? PrometheusMapping.defaults() : mapping;
        } else if (mapping != null && !mapping.isEmpty()) {
            throw new IllegalArgumentException("metrics mapping applies to format prometheus only, not "
                    + format.configName());
        } else {
            mapping = PrometheusMapping.none();
        }
        if (format == MetricsFormat.JDBC) {
            Require.notBlank("metrics query of format jdbc", query);
        } else if (query != null) {
            throw new IllegalArgumentException("metrics query applies to format jdbc only, not " + format.configName()
                    + (format == MetricsFormat.PROMQL ? " (promql takes queries: metric name to PromQL)" : ""));
        }
        if (format != MetricsFormat.JDBC && (user != null || password != null)) {
            throw new IllegalArgumentException("metrics user and password apply to format jdbc only, not "
                    + format.configName());
        }
        queries = queries == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        if (format == MetricsFormat.PROMQL) {
            if (queries.isEmpty()) {
                throw new IllegalArgumentException("metrics queries of format promql must name at least one metric "
                        + "and its PromQL query");
            }
            queries.forEach((metric, promql) -> {
                Require.notBlank("promql metric name", metric);
                Require.notBlank("promql query of " + metric, promql);
            });
        } else if (!queries.isEmpty()) {
            throw new IllegalArgumentException("metrics queries apply to format promql only, not "
                    + format.configName());
        }
    }

    /** The source of the earlier fields, without the jdbc credentials and promql queries. */
    public MetricsSource(MetricsFormat format, URI url, Duration interval, Duration timeout, PrometheusMapping mapping,
                         String query) {
        this(format, url, interval, timeout, mapping, query, null, null, null);
    }

    private static void checkUrl(MetricsFormat format, URI url) {
        switch (format) {
            case JSON, PROMETHEUS, PROMQL -> {
                Require.notNull("metrics url of format " + format.configName(), url);
                HttpUrl.check(url);
            }
            case JDBC -> {
                Require.notNull("metrics url of format jdbc", url);
                if (!url.toString().startsWith("jdbc:")) {
                    throw new IllegalArgumentException("metrics url of format jdbc must start with jdbc:, got " + url);
                }
            }
            case PUSH -> {
                if (url != null) {
                    throw new IllegalArgumentException("metrics url is not used by format push: the agent sends its "
                            + "documents to perfopt");
                }
            }
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

    /** A query against the database at the JDBC {@code url}, whose result columns are metric names. */
    public static MetricsSource jdbc(String url, String user, String password, String query) {
        return new MetricsSource(MetricsFormat.JDBC, URI.create(url), null, null, null, query, user, password, null);
    }

    /** Instant queries against the Prometheus server at {@code url}, one per metric name. */
    public static MetricsSource promql(URI url, Map<String, String> queries) {
        return new MetricsSource(MetricsFormat.PROMQL, url, null, null, null, null, null, null, queries);
    }

    /** This source polled every {@code newInterval}, each poll given {@code newTimeout}. */
    public MetricsSource withTiming(Duration newInterval, Duration newTimeout) {
        return new MetricsSource(format, url, newInterval, newTimeout, mapping, query, user, password, queries);
    }

    @Override
    public String toString() {
        return "MetricsSource[format=" + format.configName() + ", url=" + url + ", interval=" + interval + ", timeout="
                + timeout + (query == null ? "" : ", query=" + query) + (user == null ? "" : ", user=" + user)
                + (password == null ? "" : ", password=****") + (queries.isEmpty() ? "" : ", queries=" + queries) + "]";
    }
}
