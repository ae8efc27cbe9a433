package io.perfopt.integration.sources;

import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.collect.CollectionHealth;
import io.perfopt.integration.collect.MetricsIngest;
import java.time.Clock;
import org.apache.camel.main.Main;

/**
 * The metric sources beyond the agents' own endpoints, as the application wires them: SQL
 * queries against a database the agents write ({@code format: jdbc}) and PromQL queries
 * against a Prometheus server ({@code format: promql}). Their poll routes come from the same
 * {@code poll-agent} template as every pulled agent; {@code routes/sources.yaml} holds the
 * shared routes they call.
 */
public final class MetricSources implements AutoCloseable {

    private final SourcePools pools = new SourcePools();
    private final JdbcSource jdbc;
    private final PromqlSource promql;

    /**
     * @param maxBytes the largest PromQL answer read
     * @param maxRows  rows read at most from one JDBC query
     */
    public MetricSources(AgentRegistry registry, MetricsIngest ingest, CollectionHealth health, Clock clock,
                         long maxBytes, int maxRows) {
        this.jdbc = new JdbcSource(registry, pools, ingest, health, clock, maxRows);
        this.promql = new PromqlSource(registry, ingest, health, clock, maxBytes);
        registry.addListener(pools);
    }

    /** Binds the beans {@code jdbcSource} and {@code promqlSource}. */
    public void bind(Main main) {
        main.bind("jdbcSource", jdbc);
        main.bind("promqlSource", promql);
    }

    @Override
    public void close() {
        pools.close();
    }
}
