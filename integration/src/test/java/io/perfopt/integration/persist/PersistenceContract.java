package io.perfopt.integration.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.testing.CachePlugin;
import io.perfopt.integration.testing.FleetAgents;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.simulator.SimulatedFleet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What perfopt's database does, run against each database perfopt supports: H2
 * ({@link H2PersistenceTest}) and PostgreSQL ({@link PostgresPersistenceTest}). perfopt runs
 * in-process with the simulated fleet over real HTTP, writes through its routes into a real
 * database, and reads back through its API.
 */
abstract class PersistenceContract {

    @TempDir
    Path home;

    private final List<AutoCloseable> open = new ArrayList<>();

    /** An empty database reached on {@code port} (the server's own, or a proxy's). */
    abstract DatabaseSettings freshDatabase(int port);

    /** The port the database server listens on. */
    abstract int serverPort();

    /** Runs a statement on a database perfopt has not opened yet. */
    abstract void prepare(DatabaseSettings database, String sql) throws Exception;

    /** Drops what the test's databases left, once perfopt is closed. */
    void cleanUp() {
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        cleanUp();
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        open.add(resource);
        return resource;
    }

    private RunningPerfopt perfopt(DatabaseSettings database, Map<String, String> overrides) throws Exception {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        SimulatedFleet fleet = closeLater(SimulatedFleet.demo(clock, 42));
        fleet.start(0);
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("perfopt.db.url", database.url());
        settings.put("perfopt.db.user", database.user());
        settings.put("perfopt.db.password", database.password());
        settings.put("perfopt.db.schema", database.schema() == null ? "" : database.schema());
        return closeLater(new RunningPerfopt(clock, home, settings, List.of(CachePlugin.quadrupling("quadruple-cache")),
                FleetAgents.json(fleet)));
    }

    private RunningPerfopt perfopt(DatabaseSettings database) throws Exception {
        return perfopt(database, Map.of());
    }

    @Test
    void migratesAnEmptyDatabaseToEveryTableIncludingTheClusterStores() throws Exception {
        RunningPerfopt perfopt = perfopt(freshDatabase(serverPort()));
        JdbcTemplate sql = perfopt.sql();

        for (String table : List.of("cycles", "bottlenecks", "strategies", "results", "knob_changes",
                "metric_snapshots", "command_audit", "outbox", "learning_stats", "change_journal")) {
            assertThat(sql.queryForObject("select count(*) from " + table, Long.class)).as(table).isZero();
        }
        // the map stores' tables take their rows as agreed, a large JSON document included
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        sql.update("insert into learning_stats (action_key, trials, successes, degradations, mean_improvement, m2, "
                + "success_improvement_sum, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", "latency|generic|"
                + "RESPONSE_TIME|cache.size|UP|x4", 3L, 2L, 1L, 12.5, 4.25, 25.0,
                java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
        String entry = "{\"changes\":\"" + "x".repeat(200_000) + "\"}";
        sql.update("insert into change_journal (id, agent_id, node_id, state, entry_json, updated_at) "
                + "values (?, ?, ?, ?, ?, ?)", "node-1-c3-1", "market-hunter", "node-1", "APPLIED", entry,
                java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
        assertThat(sql.queryForObject("select m2 from learning_stats", Double.class)).isEqualTo(4.25);
        assertThat(sql.queryForObject("select entry_json from change_journal where id = 'node-1-c3-1'",
                String.class)).isEqualTo(entry);
    }

    @Test
    void storesEveryCycleWithItsRowsAndServesThemFromTheHistoryApi() throws Exception {
        RunningPerfopt perfopt = perfopt(freshDatabase(serverPort()));

        OptimizationResult kept = null;
        int cycles = 0;
        while (kept == null && cycles < 40) {
            CycleReport report = perfopt.cycle(Duration.ofSeconds(10));
            cycles++;
            kept = report.results().stream().filter(r -> r.verdict() == Verdict.IMPROVED).findFirst().orElse(null);
        }
        assertThat(kept).as("a kept change within 40 cycles").isNotNull();
        JdbcTemplate sql = perfopt.sql();

        assertThat(sql.queryForObject("select count(*) from cycles", Long.class)).isEqualTo(cycles);
        assertThat(sql.queryForObject("select count(*) from bottlenecks where agent_id = 'market-hunter' "
                + "and type = 'RESPONSE_TIME'", Long.class)).isPositive();
        assertThat(sql.queryForObject("select count(*) from strategies where plugin_id = 'quadruple-cache' "
                + "and applied = true", Long.class)).isPositive();
        Map<String, Object> result = sql.queryForMap("select * from results where strategy_id = ?",
                kept.strategy().id());
        assertThat(result.get("verdict")).isEqualTo("IMPROVED");
        assertThat(result.get("kept")).isEqualTo(true);
        assertThat(((Number) result.get("before_count")).longValue()).isEqualTo(kept.before().count());
        assertThat(((Number) result.get("before_p95")).doubleValue()).isEqualTo(kept.before().p95());
        assertThat(((Number) result.get("after_p99")).doubleValue()).isEqualTo(kept.after().p99());
        assertThat(((Number) result.get("p_value")).doubleValue()).isEqualTo(kept.pValue());
        assertThat(((Number) result.get("hl_shift")).doubleValue()).isEqualTo(kept.shift().shift());
        assertThat(((Number) result.get("hl_lower")).doubleValue()).isEqualTo(kept.shift().lower());
        assertThat(((Number) result.get("hl_upper")).doubleValue()).isEqualTo(kept.shift().upper());
        assertThat(((Number) result.get("actual_improvement")).doubleValue()).isEqualTo(kept.actualImprovement());
        assertThat((String) result.get("explanation")).isEqualTo(kept.explanation());
        Map<String, Object> change = sql.queryForMap("select * from knob_changes where strategy_id = ?",
                kept.strategy().id());
        assertThat(change.get("knob")).isEqualTo("cache.size");
        assertThat(change.get("outcome")).isEqualTo("kept");
        assertThat(change.get("verdict")).isEqualTo("IMPROVED");
        assertThat(((Number) change.get("to_value")).doubleValue())
                .isEqualTo(kept.strategy().changes().get(0).to());
        Map<String, Object> snapshot = sql.queryForList("select * from metric_snapshots where agent_id = "
                + "'market-hunter' and metric = 'responseTimeMs' order by window_to desc").get(0);
        assertThat(((Number) snapshot.get("sample_count")).longValue()).isPositive();
        assertThat(((Number) snapshot.get("p95")).doubleValue())
                .isGreaterThanOrEqualTo(((Number) snapshot.get("p50")).doubleValue());

        JsonNode history = Json.mapper().readTree(perfopt.get("/api/history?agent=market-hunter&limit=100").body());
        JsonNode stored = null;
        for (JsonNode cycle : history) {
            for (JsonNode r : cycle.get("results")) {
                if (r.get("strategy").asText().equals(kept.strategy().id())) {
                    stored = r;
                }
            }
        }
        assertThat(stored).as("the kept verdict in /api/history").isNotNull();
        assertThat(stored.get("kept").asBoolean()).isTrue();
        assertThat(stored.at("/before/p95").asDouble()).isEqualTo(kept.before().p95());
        assertThat(stored.at("/shift/upper").asDouble()).isEqualTo(kept.shift().upper());
        assertThat(stored.at("/changes/0/knob").asText()).isEqualTo("cache.size");
        assertThat(history.get(0).get("cycle").asLong()).as("newest first").isEqualTo(cycles);
        assertThat(Json.mapper().readTree(perfopt.get("/api/history?limit=2").body())).hasSize(2);
        assertThat(Json.mapper().readTree(perfopt.get("/api/history?agent=nobody").body())).isEmpty();
        Instant second = perfopt.reports.get(1).startedAt();
        assertThat(Json.mapper().readTree(perfopt.get("/api/history?from=" + second + "&to=" + second.plusMillis(1))
                .body())).extracting(c -> c.get("cycle").asLong()).containsExactly(2L);
        var bad = perfopt.get("/api/history?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("from must be an ISO-8601 instant");
    }

    @Test
    void aDatabaseThatGoesDownCostsNoCycleAndNoReport() throws Exception {
        TcpProxy proxy = closeLater(new TcpProxy(serverPort()));
        RunningPerfopt perfopt = perfopt(freshDatabase(proxy.port()), Map.of("perfopt.db.connect-timeout", "1s"));
        perfopt.cycle(Duration.ofSeconds(10));

        proxy.cutOff();
        List<CycleReport> whileDown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            whileDown.add(perfopt.cycle(Duration.ofSeconds(10)));
        }
        RetryBuffer.Stats down = perfopt.app.persistence().history().stats();
        proxy.restore();
        // the database is back on the wall clock: the pool reconnects within a few attempts
        await().atMost(Duration.ofSeconds(30)).until(() -> perfopt.app.persistence().history().flush() == 0);
        perfopt.cycle(Duration.ofSeconds(10));

        assertThat(whileDown).as("cycles ran while the database was down").hasSize(3)
                .allSatisfy(r -> assertThat(r.agents()).isNotEmpty());
        assertThat(down.pending()).isEqualTo(3);
        assertThat(down.failures()).isGreaterThanOrEqualTo(3);
        RetryBuffer.Stats after = perfopt.app.persistence().history().stats();
        assertThat(after.pending()).isZero();
        assertThat(after.written()).isEqualTo(5);
        assertThat(after.dropped()).isZero();
        // written in cycle order: each cycle's first snapshot row got a higher id than the one before
        assertThat(perfopt.sql().queryForList("select c.cycle from cycles c join metric_snapshots s on s.cycle_id = c.id "
                + "group by c.cycle order by min(s.id)", Long.class)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aCycleIsWrittenInOneTransactionAndARowTheDatabaseRefusesCostsOnlyItsReport() throws Exception {
        RunningPerfopt perfopt = perfopt(freshDatabase(serverPort()));
        perfopt.sql().execute("alter table metric_snapshots add constraint no_snapshots check (sample_count < 0)");

        perfopt.cycle(Duration.ofSeconds(10));
        JdbcTemplate sql = perfopt.sql();
        assertThat(sql.queryForObject("select count(*) from cycles", Long.class)).as("rolled back").isZero();
        assertThat(sql.queryForObject("select count(*) from bottlenecks", Long.class)).isZero();
        assertThat(perfopt.app.persistence().history().stats().refused()).isEqualTo(1);

        sql.execute("alter table metric_snapshots drop constraint no_snapshots");
        perfopt.cycle(Duration.ofSeconds(10));
        assertThat(sql.queryForList("select cycle from cycles", Long.class)).containsExactly(2L);
        assertThat(perfopt.app.persistence().history().stats().pending()).isZero();
    }

    @Test
    void recordsCommandsInTheAuditLog() throws Exception {
        RunningPerfopt perfopt = perfopt(freshDatabase(serverPort()));
        Instant at = Instant.parse("2026-01-01T00:05:00Z");

        perfopt.app.audit().record(new CommandAudit(at, "node-1", "ops@example", "focus-agent",
                "{\"agent\":\"market-hunter\"}", true, "focusing on market-hunter for 3 cycles"));
        perfopt.app.audit().record(new CommandAudit(at.plusSeconds(1), "node-1", "ops@example", "approve", null,
                false, "no such approval"));

        List<Map<String, Object>> rows = perfopt.sql().queryForList(
                "select * from command_audit order by recorded_at");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("command")).isEqualTo("focus-agent");
        assertThat(rows.get(0).get("arguments_json")).isEqualTo("{\"agent\":\"market-hunter\"}");
        assertThat(rows.get(0).get("accepted")).isEqualTo(true);
        assertThat(SqlValues.instant(rows.get(0).get("recorded_at"))).isEqualTo(at);
        assertThat(rows.get(1).get("arguments_json")).isEqualTo("{}");
        assertThat(rows.get(1).get("accepted")).isEqualTo(false);
    }

    @Test
    void refusesToStartOnADatabaseItCannotReachNamingItWithoutThePassword() {
        DatabaseSettings unreachable = freshDatabase(FreePort.pick());
        DatabaseSettings withPassword = new DatabaseSettings(unreachable.url(), unreachable.user(), "hunter2",
                unreachable.schema(), 2, Duration.ofSeconds(1));

        assertThatThrownBy(() -> perfopt(withPassword))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to the database " + unreachable.url())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void refusesToStartOnADatabaseItCannotMigrate() throws Exception {
        DatabaseSettings database = freshDatabase(serverPort());
        prepare(database, "create table cycles (id integer)");

        assertThatThrownBy(() -> perfopt(database))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot migrate the database " + database.url());
    }
}
