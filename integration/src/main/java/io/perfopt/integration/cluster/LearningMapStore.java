package io.perfopt.integration.cluster;

import com.hazelcast.map.MapStore;
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
 * Persists the learning map to {@code learning_stats}, one row per action key, so that a full
 * restart of the cluster keeps what was learned (loaded eagerly when the map is created). Only
 * the member owning a key's partition writes it, so an update-else-insert needs no lock and
 * runs unchanged on H2 and PostgreSQL.
 */
public final class LearningMapStore implements MapStore<String, LearningStats> {

    static final String TABLE = "learning_stats";
    private static final String COLUMNS = "trials, successes, degradations, mean_improvement, m2, "
            + "success_improvement_sum";
    private static final String UPDATE = "UPDATE " + TABLE + " SET trials = ?, successes = ?, degradations = ?, "
            + "mean_improvement = ?, m2 = ?, success_improvement_sum = ?, updated_at = ? WHERE action_key = ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ", updated_at, action_key) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public LearningMapStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void store(String key, LearningStats value) {
        storeAll(Map.of(key, value));
    }

    @Override
    public void storeAll(Map<String, LearningStats> entries) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(UPDATE);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Map.Entry<String, LearningStats> e : entries.entrySet()) {
                bind(update, e.getKey(), e.getValue());
                if (update.executeUpdate() == 0) {
                    bind(insert, e.getKey(), e.getValue());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot write " + TABLE + " " + entries.keySet(), e);
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

    @Override
    public void delete(String key) {
        deleteAll(List.of(key));
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE action_key = ?")) {
            for (String key : keys) {
                s.setString(1, key);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot delete from " + TABLE + " " + keys, e);
        }
    }

    @Override
    public LearningStats load(String key) {
        return loadAll(List.of(key)).get(key);
    }

    @Override
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

    @Override
    public Iterable<String> loadAllKeys() {
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
