package io.perfopt.integration.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * An H2 file database with the two tables the cluster persists to, created here exactly as the
 * database migrations declare them, until those migrations are on this branch.
 */
final class H2Tables {

    private H2Tables() {
    }

    /** A pooled data source, as the application's will be: a map store opens a connection per call. */
    static DataSource in(Path dir) {
        DataSource ds = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("perfopt").toAbsolutePath(), "sa", "");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS learning_stats (action_key varchar(512) primary key, "
                    + "trials bigint, successes bigint, degradations bigint, mean_improvement double precision, "
                    + "m2 double precision, success_improvement_sum double precision, updated_at timestamp)");
            s.execute("CREATE TABLE IF NOT EXISTS change_journal (id varchar(128) primary key, "
                    + "agent_id varchar(256), node_id varchar(128), state varchar(32), "
                    + "entry_json character large object, updated_at timestamp)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test tables: " + e.getMessage(), e);
        }
        return ds;
    }

    static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
