package io.perfopt.integration.sources;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.perfopt.integration.agents.AgentChange;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistryListener;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.persist.DatabaseSettings;
import io.perfopt.integration.persist.DeadConnections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small connection pool per jdbc agent, opened at its first poll and closed when the agent
 * leaves or its source changes. Connections are read-only: a source query reads what the
 * agents wrote and must not change it. A pool does not connect when it is created, so a
 * database that is down costs that agent's polls (counted as collection failures), not start.
 */
public final class SourcePools implements AgentRegistryListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourcePools.class);

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    private record Pool(MetricsSource source, HikariDataSource dataSource) {
    }

    /** The agent's pool, opened now when it has none or its source changed. */
    public DataSource dataSource(AgentConfig agent) {
        return pools.compute(agent.id(), (id, pool) -> {
            if (pool != null && pool.source().equals(agent.metrics())) {
                return pool;
            }
            if (pool != null) {
                pool.dataSource().close();
            }
            return new Pool(agent.metrics(), open(agent));
        }).dataSource();
    }

    private static HikariDataSource open(AgentConfig agent) {
        MetricsSource source = agent.metrics();
        HikariConfig config = new HikariConfig();
        config.setPoolName("perfopt-source-" + agent.id());
        config.setJdbcUrl(source.url().toString());
        config.setUsername(source.user());
        config.setPassword(source.password());
        // the scheduled poll and an on-cycle poll may overlap; nothing else uses the pool
        config.setMaximumPoolSize(2);
        config.setExceptionOverride(new DeadConnections());
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        config.setAutoCommit(false);
        long timeout = Math.max(250, source.timeout().toMillis());
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, timeout / 2));
        config.setInitializationFailTimeout(-1);
        log.info("agent {}: reading metrics from {} with a query every {} ms", agent.id(),
                DatabaseSettings.redact(source.url().toString()), source.interval().toMillis());
        return new HikariDataSource(config);
    }

    @Override
    public void onChange(AgentChange change) {
        // an updated agent gets a new pool at its next poll if its source changed
        if (change.before() != null && (change.after() == null
                || !change.after().metrics().equals(change.before().metrics()))) {
            forget(change.before().id());
        }
    }

    /** Closes the agent's pool, if it has one. */
    public void forget(String agentId) {
        Pool pool = pools.remove(agentId);
        if (pool != null) {
            pool.dataSource().close();
        }
    }

    @Override
    public void close() {
        pools.keySet().forEach(this::forget);
    }
}
