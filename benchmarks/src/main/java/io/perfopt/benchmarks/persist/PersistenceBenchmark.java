package io.perfopt.benchmarks.persist;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.benchmarks.decision.SyntheticFleet;
import io.perfopt.benchmarks.report.Args;
import io.perfopt.benchmarks.report.FreePort;
import io.perfopt.benchmarks.report.Machine;
import io.perfopt.benchmarks.report.Spread;
import io.perfopt.engine.cycle.EngineConfig;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.engine.window.MetricStore;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.integration.persist.CycleRows;
import io.perfopt.integration.persist.HistoryWriter;
import io.perfopt.integration.persist.MetricSnapshots;
import io.perfopt.integration.persist.StoredCycle;
import io.perfopt.plugins.coordination.CoordinationOptimizer;
import io.perfopt.plugins.latency.LatencyOptimizer;
import io.perfopt.plugins.successrate.SuccessRateOptimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;

/**
 * History written through perfopt's Camel JDBC route ({@code direct:persist-cycle}: camel-sql, one
 * transaction per cycle, batched inserts, the check that the cycle is not stored yet) into H2 (a
 * file database, perfopt's default) and PostgreSQL, beside the ceiling: the same statements with
 * plain JDBC batches ({@link PlainInserts}) through the same connection pool. The cycle reports
 * are real ones: the engine's loop over the decision benchmark's synthetic agents, each report
 * turned into its rows as perfopt does when it publishes one (cycle, bottlenecks, strategies,
 * results, knob changes, a metric snapshot per agent and standard metric). Both ways write the
 * same reports under different cycle numbers, in alternating rounds.
 *
 * <pre>
 * benchmarks/run.sh persist.PersistenceBenchmark --agents 100 --cycles 100 --rounds 5 --databases h2,postgres
 * </pre>
 *
 * PostgreSQL is reached at {@code --postgres jdbc:postgresql://127.0.0.1:5432/test} as
 * {@code postgres} (trust auth); each run works in a schema of its own, dropped at the end.
 */
public final class PersistenceBenchmark {

    private PersistenceBenchmark() {
    }

    /** Cycles per second of each round through the route and with plain JDBC, and the rows of a cycle. */
    public record Result(String database, List<Double> route, List<Double> plain, double rowsPerCycle,
                         double resultsPerCycle) {
        public Spread ratio() {
            double[] r = new double[route.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = route.get(i) / plain.get(i);
            }
            return Spread.of(r);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        int agents = args.integer("agents", 100);
        int cycles = args.integer("cycles", 100);
        int rounds = args.integer("rounds", 5);
        String postgres = args.text("postgres", "jdbc:postgresql://127.0.0.1:5432/test");
        List<StoredCycle> stored = storedCycles(agents, 2 * cycles * (rounds + 1));
        System.out.println("# persistence: " + Machine.describe());
        System.out.printf(Locale.ROOT, "%d agents: %.0f rows per cycle, %.1f of them results%n", agents,
                stored.stream().mapToInt(StoredCycle::rowCount).average().orElse(0),
                stored.stream().mapToInt(s -> s.results().size()).average().orElse(0));
        System.out.println("| database | cycles/s through the route | rows/s | results/s | cycles/s plain JDBC (ceiling)"
                + " | route / plain |");
        System.out.println("|---|---|---:|---:|---|---|");
        for (String db : args.text("databases", "h2,postgres").split(",")) {
            Result r = run(db.trim(), postgres, stored, cycles, rounds);
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %s | %s |%n", r.database(),
                    Spread.of(r.route()).describe("%,.1f"), Spread.of(r.route()).median() * r.rowsPerCycle(),
                    Spread.of(r.route()).median() * r.resultsPerCycle(), Spread.of(r.plain()).describe("%,.1f"),
                    r.ratio().describe("%.2f"));
        }
    }

    public static Result run(String database, String postgresUrl, List<StoredCycle> stored, int cycles, int rounds)
            throws Exception {
        Path dir = Files.createTempDirectory("perfopt-persist-bench");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> settings = new HashMap<>(Map.of(
                "perfopt.api.port", String.valueOf(FreePort.pick()),
                "perfopt.cycle.enabled", "false",
                "perfopt.collect.scheduled", "false",
                "perfopt.agents.file", "does-not-exist.yaml"));
        switch (database) {
            case "h2" -> settings.put("perfopt.db.url", "jdbc:h2:file:" + dir.resolve("perfopt").toAbsolutePath());
            case "postgres" -> {
                settings.put("perfopt.db.url", postgresUrl);
                settings.put("perfopt.db.user", "postgres");
                settings.put("perfopt.db.schema", schema);
            }
            default -> throw new IllegalArgumentException("unknown database " + database + ": use h2 or postgres");
        }
        List<Double> route = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        try (PerfoptApplication app = PerfoptApplication.builder().settings(PerfoptSettings.defaultsOnly()
                .with(settings)).plugins(PluginSource.of(List.of())).home(dir).build().start()) {
            ProducerTemplate producer = app.camel().createProducerTemplate();
            DataSource dataSource = app.persistence().database().dataSource();
            PlainInserts inserts = new PlainInserts();
            int next = 0;
            // the first round of each warms the JIT, the driver and the database
            for (int r = 0; r < rounds + 1; r++) {
                long start = System.nanoTime();
                for (int c = 0; c < cycles; c++) {
                    producer.requestBody(HistoryWriter.ROUTE, stored.get(next++));
                }
                double routeRate = cycles / ((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                for (int c = 0; c < cycles; c++) {
                    inserts.write(dataSource, stored.get(next++));
                }
                double plainRate = cycles / ((System.nanoTime() - start) / 1e9);
                if (r > 0) {
                    route.add(routeRate);
                    plain.add(plainRate);
                }
            }
        } finally {
            if (database.equals("postgres")) {
                dropSchema(postgresUrl, schema);
            }
            deleteTree(dir);
        }
        double rows = stored.stream().mapToInt(StoredCycle::rowCount).average().orElse(0);
        double results = stored.stream().mapToInt(s -> s.results().size()).average().orElse(0);
        return new Result(database, route, plain, rows, results);
    }

    /**
     * {@code count} stored cycles with distinct keys, made from the reports of a loop over
     * {@code agents} synthetic agents (the reports of its cycles 7 to 40, renumbered).
     */
    public static List<StoredCycle> storedCycles(int agents, int count) {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        SyntheticFleet fleet = new SyntheticFleet(clock, agents, 1);
        EngineConfig config = EngineConfig.defaults();
        MetricStore store = new MetricStore(config.window(), clock);
        List<OptimizerPlugin> plugins = List.of(new LatencyOptimizer(), new SuccessRateOptimizer(),
                new CoordinationOptimizer());
        List<CycleReport> reports = new ArrayList<>();
        try (OptimizationLoop loop = OptimizationLoop.builder().config(config).clock(clock).metrics(store)
                .agents(fleet.directory()).plugins(PluginSource.of(plugins)).actuator(fleet).build()) {
            for (int c = 0; c < 40; c++) {
                fleet.run(Duration.ofSeconds(30), Duration.ofSeconds(10), 5, 2, store);
                CycleReport report = loop.runCycle();
                if (c >= 6) {
                    reports.add(report);
                }
            }
        }
        CycleRows rows = new CycleRows(false);
        MetricSnapshots snapshots = new MetricSnapshots(() -> store, config.detectionWindow());
        List<StoredCycle> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CycleReport r = reports.get(i % reports.size());
            CycleReport renumbered = new CycleReport(1_000_000L + i, r.nodeId(), r.startedAt(), r.finishedAt(),
                    r.phaseTimings(), r.systemScore(), r.autonomyLevel(), r.agents(), r.bottlenecks(), r.strategies(),
                    r.applied(), r.awaitingApproval(), r.results(), r.impact(), r.decisions(), r.recommendations(),
                    r.errors());
            stored.add(rows.of(renumbered, snapshots.take(r.agents(), clock.instant())));
        }
        return stored;
    }

    private static void dropSchema(String url, String schema) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop the benchmark schema " + schema + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
