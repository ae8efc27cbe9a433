package io.perfopt.integration.persist;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * The persistence contract on the real PostgreSQL, each test in a schema of its own. Skipped
 * with a message when PostgreSQL cannot be reached, failed instead under
 * {@code PERFOPT_REQUIRE_POSTGRES=1} (see {@link Postgres}).
 */
class PostgresPersistenceTest extends PersistenceContract {

    private final List<String> schemas = new ArrayList<>();

    @BeforeEach
    void requirePostgres() {
        Postgres.require();
    }

    @Override
    void cleanUp() {
        schemas.forEach(Postgres::dropSchema);
    }

    @Override
    DatabaseSettings freshDatabase(int port) {
        String schema = Postgres.createSchema();
        schemas.add(schema);
        return new DatabaseSettings(Postgres.urlOnPort(port), Postgres.USER, Postgres.PASSWORD, schema, 4,
                Duration.ofSeconds(5));
    }

    @Override
    int serverPort() {
        return Postgres.port();
    }

    @Override
    void prepare(DatabaseSettings database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            c.setSchema(database.schema());
            s.execute(sql);
        }
    }
}
