package io.perfopt.integration.persist;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the PG variants of the tests run against: {@code PERFOPT_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code PERFOPT_TEST_PG_USER}
 * (default {@code postgres}), {@code PERFOPT_TEST_PG_PASSWORD} (default empty). Each test gets a
 * schema of its own, dropped afterwards, so runs never see each other's rows.
 *
 * <p>When the server cannot be reached the PG tests are skipped, saying so, unless
 * {@code PERFOPT_REQUIRE_POSTGRES=1} (as CI sets it): then they fail.
 */
public final class Postgres {

    public static final String URL = env("PERFOPT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("PERFOPT_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("PERFOPT_TEST_PG_PASSWORD", "");

    private static volatile Optional<String> unreachable;

    private Postgres() {
    }

    /** Skips (or, with PERFOPT_REQUIRE_POSTGRES=1, fails) the calling test when PostgreSQL cannot be reached. */
    public static void require() {
        Optional<String> problem = unreachable();
        if (problem.isEmpty()) {
            return;
        }
        String message = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + problem.get() + ")";
        if ("1".equals(System.getenv("PERFOPT_REQUIRE_POSTGRES"))) {
            fail(message + "; PERFOPT_REQUIRE_POSTGRES=1 requires it");
        }
        Assumptions.abort(message + ": PostgreSQL tests skipped (set PERFOPT_REQUIRE_POSTGRES=1 to make this "
                + "a failure)");
    }

    private static Optional<String> unreachable() {
        if (unreachable == null) {
            DriverManager.setLoginTimeout(3);
            try (Connection c = connect()) {
                unreachable = Optional.empty();
            } catch (SQLException e) {
                unreachable = Optional.of(e.getMessage());
            }
        }
        return unreachable;
    }

    /** A new, empty schema's name. */
    public static String createSchema() {
        String schema = "perfopt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute("create schema " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    /** Runs a statement as the test user. */
    public static void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** The URL of the same server reached on another port (through a proxy). */
    public static String urlOnPort(int port) {
        return URL.replaceFirst("//([^/:]+)(:\\d+)?/", "//127.0.0.1:" + port + "/");
    }

    /** The port the server listens on. */
    public static int port() {
        var m = java.util.regex.Pattern.compile("//[^/:]+:(\\d+)/").matcher(URL);
        return m.find() ? Integer.parseInt(m.group(1)) : 5432;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
