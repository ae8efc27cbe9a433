package io.perfopt.integration.persist;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.camel.spi.TransactedPolicy;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * perfopt's own database: a HikariCP pool over H2 or PostgreSQL whose schema Flyway has brought
 * to the latest version ({@code db/migration/V*.sql}). Opening fails, naming the database
 * without its password, when it cannot be reached or migrated: perfopt does not start on a
 * database it cannot write to. Once open, a database that goes down costs writes, which the
 * writers keep and retry; it never stops a cycle.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final HikariDataSource pool;

    private Database(DatabaseSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /** Connects, migrates and returns the open database; throws {@link DatabaseException} naming it otherwise. */
    public static Database open(DatabaseSettings settings) {
        if (settings.schema() != null) {
            createSchema(settings);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot connect to the database " + settings.describe() + ": "
                    + DatabaseException.rootMessage(e), e);
        }
        try {
            MigrateResult result = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .schemas(settings.schema() == null ? new String[0] : new String[] {settings.schema()})
                    .failOnMissingLocations(true).load().migrate();
            log.info("database {}: schema at version {} ({} migration(s) applied now)", settings.describe(),
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseException("cannot migrate the database " + settings.describe() + ": "
                    + DatabaseException.rootMessage(e), e);
        }
        return new Database(settings, pool);
    }

    // The pool sets the schema on every connection it opens, which H2 refuses for a schema that
    // does not exist yet: create it first, over a connection of its own.
    private static void createSchema(DatabaseSettings settings) {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            // the name is a checked plain identifier (DatabaseSettings), safe to write into SQL
            s.execute("create schema if not exists " + settings.schema());
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to the database " + settings.describe() + ": "
                    + DatabaseException.rootMessage(e), e);
        }
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("perfopt-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        if (settings.schema() != null) {
            config.setSchema(settings.schema());
        }
        config.setExceptionOverride(new DeadConnections());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        long timeout = settings.connectTimeout().toMillis();
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(timeout / 2, 5000)));
        // try one connection at start: an unreachable database fails start, not the first cycle
        config.setInitializationFailTimeout(timeout);
        return config;
    }

    /** The pooled connections, for camel-sql ({@code #perfoptDataSource}) and the history readers. */
    public DataSource dataSource() {
        return pool;
    }

    /** The policy of the routes' {@code transacted} steps: one JDBC transaction over this pool. */
    public TransactedPolicy transactionPolicy() {
        return new JdbcTransactionPolicy(new DataSourceTransactionManager(pool));
    }

    /** The settings it was opened with. */
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }
}
