package io.perfopt.integration.sources;

import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.collect.CollectionHealth;
import io.perfopt.integration.collect.MetricsIngest;
import io.perfopt.integration.persist.DatabaseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;

/**
 * The {@code collect-jdbc} route's bean: runs a jdbc agent's query against the database it
 * writes (a decisions log, say) and records each row as a metrics document, through the same
 * ingestion as every other source. A query that fails (database down, timeout, bad SQL) is a
 * collection failure of that agent, counted and logged; the next poll runs as usual.
 */
public final class JdbcSource {

    private final AgentRegistry registry;
    private final SourcePools pools;
    private final MetricsIngest ingest;
    private final CollectionHealth health;
    private final Clock clock;
    private final int maxRows;

    /** @param maxRows rows read at most per query ({@code perfopt.collect.jdbc.max-rows}) */
    public JdbcSource(AgentRegistry registry, SourcePools pools, MetricsIngest ingest, CollectionHealth health,
                      Clock clock, int maxRows) {
        this.registry = registry;
        this.pools = pools;
        this.ingest = ingest;
        this.health = health;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** Polls the agent named by the exchange property {@value MetricsIngest#AGENT}. */
    public void poll(Exchange exchange) {
        String agentId = exchange.getProperty(MetricsIngest.AGENT, String.class);
        AgentConfig agent = registry.find(agentId).orElse(null);
        if (agent == null) {
            return; // removed while its poll was on its way
        }
        Instant now = clock.instant();
        try (Connection connection = pools.dataSource(agent).getConnection();
             PreparedStatement statement = connection.prepareStatement(agent.metrics().query())) {
            statement.setQueryTimeout((int) Math.max(1, Math.ceil(agent.metrics().timeout().toMillis() / 1000.0)));
            // one row more than allowed, to tell "exactly the limit" from "cut off"
            statement.setMaxRows(maxRows + 1);
            RowDocuments.Read read;
            try (ResultSet rows = statement.executeQuery()) {
                read = RowDocuments.read(agentId, rows, now, maxRows);
            }
            ingest.deliver(agentId, read.documents(), read.refused());
        } catch (SQLException e) {
            health.failed(agentId, kind(e), "agent " + agentId + ": query against "
                    + DatabaseSettings.redact(agent.metrics().url().toString()) + " failed: " + message(e));
        }
    }

    /** A countable name: unreachable, timeout or query-error. */
    static String kind(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTimeoutException || state.equals("57014")) {
            return "timeout";
        }
        if (state.startsWith("08") || e instanceof java.sql.SQLTransientConnectionException) {
            return "unreachable";
        }
        return "query-error";
    }

    private static String message(SQLException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        text = text.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
