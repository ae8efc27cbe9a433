package io.perfopt.integration.cluster;

import io.perfopt.api.learning.LearningStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Keeps learning in {@code learning_stats}, one row per action key. {@link ClusterLearningStore}
 * writes an action's statistics here after every recorded trial, and the first member of a
 * restarted cluster puts what is here back into the learning map, so a full-cluster restart keeps
 * what was learned. A row is only ever replaced by statistics with more trials, so writes from
 * several members arriving out of order never set it back.
 */
public final class LearningTable {

    static final String TABLE = "learning_stats";
    private static final String COLUMNS = "trials, successes, degradations, mean_improvement, m2, "
            + "success_improvement_sum";
    private static final String UPDATE = "UPDATE " + TABLE + " SET trials = ?, successes = ?, degradations = ?, "
            + "mean_improvement = ?, m2 = ?, success_improvement_sum = ?, updated_at = ? WHERE action_key = ? "
            + "AND trials < ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ", updated_at, action_key) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public LearningTable(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Writes the action's statistics unless the row already holds as many trials or more (a
     * newer value written by another member first).
     */
    public void storeIfNewer(String key, LearningStats value) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(UPDATE);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            bind(update, key, value);
            update.setLong(9, value.trials());
            if (update.executeUpdate() == 0 && !exists(c, key)) {
                bind(insert, key, value);
                try {
                    insert.executeUpdate();
                } catch (SQLException raced) {
                    if (!exists(c, key)) {
                        throw raced;
                    }
                    // another member inserted first; its value or a newer one stands
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot write " + TABLE + " " + key, e);
        }
    }

    private static boolean exists(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE action_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void bind(PreparedStatement s, String key, LearningStats v) throws SQLException {
        s.setLong(1, v.trials());
        s.setLong(2, v.successes());
        s.setLong(3, v.degradations());
        s.setDouble(4, v.meanImprovement());
        s.setDouble(5, v.m2());
        s.setDouble(6, v.successImprovementSum());
        s.setTimestamp(7, Timestamp.from(clock.instant()));
        s.setString(8, key);
    }

    /** The action's statistics, or null. */
    public LearningStats load(String key) {
        return loadAll(List.of(key)).get(key);
    }

    /** The statistics of those actions that have a row. */
    public Map<String, LearningStats> loadAll(Collection<String> keys) {
        Map<String, LearningStats> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                     + " WHERE action_key = ?")) {
            for (String key : keys) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        found.put(key, new LearningStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getDouble(6)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot read " + TABLE + " " + keys, e);
        }
        return found;
    }

    /** Every key stored in the table. */
    List<String> storedKeys() {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT action_key FROM " + TABLE);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot list the keys of " + TABLE, e);
        }
        return keys;
    }
}
