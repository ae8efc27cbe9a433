package io.perfopt.integration.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.api.Json;
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
 * Keeps the open journal entries in {@code change_journal}: the entry as JSON (what
 * {@link JournalCodec} writes), with its agent, node and state in columns for people and queries.
 * {@link ClusterChangeJournal} writes an entry here before the change reaches the agent and
 * deletes it when the change is closed; the first member of a restarted cluster puts what is
 * here back into the journal map, so that a restart replays what was open.
 */
public final class JournalTable {

    static final String TABLE = "change_journal";
    private static final String UPDATE = "UPDATE " + TABLE + " SET agent_id = ?, node_id = ?, state = ?, "
            + "entry_json = ?, updated_at = ? WHERE id = ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (agent_id, node_id, state, entry_json, "
            + "updated_at, id) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public JournalTable(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Inserts or replaces the entry of that id. */
    public void store(String id, String json) {
        storeAll(Map.of(id, json));
    }

    private void storeAll(Map<String, String> entries) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(UPDATE);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
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

    private void bind(PreparedStatement s, String id, String json) throws SQLException {
        JsonNode entry = parse(id, json);
        s.setString(1, entry.path("agentId").asText());
        s.setString(2, entry.path("nodeId").asText());
        s.setString(3, entry.path("state").asText());
        s.setString(4, json);
        s.setTimestamp(5, Timestamp.from(clock.instant()));
        s.setString(6, id);
    }

    private static JsonNode parse(String id, String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("journal entry " + id + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Removes the entry of that id. */
    public void delete(String id) {
        deleteAll(List.of(id));
    }

    private void deleteAll(Collection<String> ids) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
            for (String id : ids) {
                s.setString(1, id);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot delete from " + TABLE + " " + ids, e);
        }
    }

    /** The entry of that id, or null. */
    public String load(String id) {
        return loadAll(List.of(id)).get(id);
    }

    /** The entries of those ids that exist. */
    public Map<String, String> loadAll(Collection<String> ids) {
        Map<String, String> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT entry_json FROM " + TABLE + " WHERE id = ?")) {
            for (String id : ids) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        found.put(id, rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot read " + TABLE + " " + ids, e);
        }
        return found;
    }

    /** Every key stored in the table. */
    List<String> storedKeys() {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM " + TABLE);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot list the ids of " + TABLE, e);
        }
        return ids;
    }
}
