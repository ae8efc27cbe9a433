package io.perfopt.integration.persist;

import io.perfopt.integration.testing.FreePort;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistence contract on H2, perfopt's default database: file databases, served over TCP so
 * that the database can go down (a file database is opened again by the next connection).
 */
class H2PersistenceTest extends PersistenceContract {

    @TempDir
    static Path files;

    private static Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = Server.createTcpServer("-tcpPort", String.valueOf(FreePort.pick()), "-ifNotExists",
                "-baseDir", files.toString()).start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Override
    DatabaseSettings freshDatabase(int port) {
        return new DatabaseSettings("jdbc:h2:tcp://127.0.0.1:" + port + "/./perfopt-" + UUID.randomUUID(), "sa", "",
                null, 4, Duration.ofSeconds(5));
    }

    @Override
    int serverPort() {
        return server.getPort();
    }

    @Override
    void prepare(DatabaseSettings database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
