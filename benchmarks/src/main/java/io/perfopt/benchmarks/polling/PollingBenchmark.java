package io.perfopt.benchmarks.polling;

import io.perfopt.api.optimization.CyclePhase;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.time.ManualClock;
import io.perfopt.benchmarks.report.Args;
import io.perfopt.benchmarks.report.FreePort;
import io.perfopt.benchmarks.report.Machine;
import io.perfopt.benchmarks.report.Spread;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.simulator.AgentKinds;
import io.perfopt.simulator.SimulatedFleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One collection over a fleet of simulated agents served by one simulator (in this JVM, on the
 * same manual clock): perfopt with {@code perfopt.collect.on-cycle=true} polls every agent's
 * JSON metrics document at the start of a cycle through its collection route (Camel, the shared
 * HTTP fetcher, the parser, the windows); the COLLECT phase of each cycle report is the time of
 * one collection. In the same run, the floor: a bare JDK HttpClient GETting the same URLs one
 * after the other and discarding the answers. The agents are {@code surface} agents at 2 requests
 * per second, so the simulator's own work per poll is small; 10 s of simulated time pass between
 * collections. A throwaway fleet of 2,000 agents is collected first, so that no size is measured
 * on a cold JIT.
 *
 * <pre>
 * benchmarks/run.sh polling.PollingBenchmark --sizes 100,1000,5000 --collections 10
 * </pre>
 */
public final class PollingBenchmark {

    private PollingBenchmark() {
    }

    /** Collection times of one fleet size, perfopt's and the bare client's. */
    public record Result(int agents, Spread perfoptMs, Spread bareMs, long samplesPerCollection, int failures) {
        public Spread ratio() {
            return Spread.of(perfoptMs.median() / bareMs.median());
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        // a throwaway fleet first, so that no size is measured on a cold JIT
        run(args.integer("jit-warmup-agents", 2_000), 5, 0);
        System.out.println("# polling: " + Machine.describe());
        System.out.println("| agents | perfopt on-cycle collection ms | bare sequential GETs ms | perfopt / bare |"
                + " samples per collection | failed polls |");
        System.out.println("|---:|---|---|---:|---:|---:|");
        for (int size : args.integers("sizes", List.of(100, 1_000, 5_000))) {
            Result r = run(size, args.integer("collections", 10), args.integer("warmup", 3));
            System.out.printf(Locale.ROOT, "| %,d | %s | %s | %.2f | %,d | %d |%n", r.agents(),
                    r.perfoptMs().describe("%.0f"), r.bareMs().describe("%.0f"), r.ratio().median(),
                    r.samplesPerCollection(), r.failures());
        }
    }

    public static Result run(int size, int collections, int warmup) throws Exception {
        io.perfopt.benchmarks.report.JdkHttpServers.noDelay();
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        int port = FreePort.pick();
        try (SimulatedFleet fleet = SimulatedFleet.builder().clock(clock).seed(42)
                .copies(size, List.of(AgentKinds.SURFACE)).requestRate(2).noTokens().httpThreads(8).build()) {
            fleet.start(0);
            Map<String, String> settings = new HashMap<>(Map.of(
                    "perfopt.api.port", String.valueOf(port),
                    "perfopt.cycle.enabled", "false",
                    "perfopt.collect.scheduled", "false",
                    "perfopt.collect.on-cycle", "true",
                    "perfopt.agents.file", "does-not-exist.yaml"));
        // perfopt keeps its history in a database: an in-memory one of its own per run here
        settings.put("perfopt.db.url", "jdbc:h2:mem:bench-" + java.util.UUID.randomUUID());
            var builder = PerfoptApplication.builder().clock(clock)
                    .settings(PerfoptSettings.defaultsOnly().with(settings)).plugins(PluginSource.of(List.of()));
            List<URI> urls = new ArrayList<>();
            fleet.agents().forEach(a -> {
                builder.agent(AgentConfig.of(a.id(), MetricsSource.json(fleet.metricsUri(a.id()))));
                urls.add(fleet.metricsUri(a.id()));
            });
            List<Double> perfopt = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            long samples = 0;
            int failures;
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            try (PerfoptApplication app = builder.build().start()) {
                for (int c = 0; c < warmup + collections; c++) {
                    clock.advance(Duration.ofSeconds(10));
                    CycleReport report = app.loop().runCycle();
                    clock.advance(Duration.ofSeconds(10));
                    long start = System.nanoTime();
                    for (URI url : urls) {
                        client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                    }
                    double bareMs = (System.nanoTime() - start) / 1e6;
                    if (c >= warmup) {
                        perfopt.add(report.phaseTimings().get(CyclePhase.COLLECT).toNanos() / 1e6);
                        bare.add(bareMs);
                    }
                }
                samples = app.collection().all().values().stream().mapToLong(h -> h.samplesAccepted()).sum()
                        / (warmup + collections);
                failures = (int) app.collection().all().values().stream().mapToLong(h -> h.failures()).sum();
            }
            return new Result(size, Spread.of(perfopt), Spread.of(bare), samples, failures);
        }
    }
}
