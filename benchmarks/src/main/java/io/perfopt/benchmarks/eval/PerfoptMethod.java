package io.perfopt.benchmarks.eval;

import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.benchmarks.report.FreePort;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.ControlEndpoint;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.agents.PluginBinding;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * perfopt as a user runs it: an in-process {@link PerfoptApplication} with the shipped plugin
 * files loaded from a plugin directory, its default engine settings (verification: settle 10 s,
 * window 60 s), polling each agent's JSON metrics over HTTP at the start of every cycle and
 * changing knobs through the HTTP actuator. A cycle runs every 10 s of simulated time.
 *
 * <p>The one thing told to perfopt is the objective: each agent's response-time threshold is set
 * to 100 ms, below what any configuration reaches, so that its response time stays a bottleneck
 * and perfopt keeps cutting it, as the baselines minimise it. Its changes are read from its
 * cycle reports: every change that reached a verdict counts against the budget.
 */
public final class PerfoptMethod {

    static final Duration CYCLE = Duration.ofSeconds(10);
    /** Simulated time allowed per change of the budget before the run stops anyway. */
    static final Duration TIME_PER_CHANGE = Duration.ofMinutes(5);

    /** An override naming the what-if operator; not a perfopt setting, so it is not passed on. */
    static final String OPERATOR = "eval.operator";
    static final String APPROVER = "approves-everything";

    private PerfoptMethod() {
    }

    public static MethodRun run(SurfaceFleet fleet, int budget, long seed, Path pluginFiles) throws Exception {
        return run(fleet, budget, seed, pluginFiles, "perfopt", Map.of());
    }

    /**
     * perfopt with some settings changed, reported under {@code name}: a what-if to find what
     * limits it, never its result.
     */
    public static MethodRun run(SurfaceFleet fleet, int budget, long seed, Path pluginFiles, String name,
                                Map<String, String> overrides) throws Exception {
        Path plugins = Files.createTempDirectory("perfopt-eval-plugins");
        try {
            copyPlugins(pluginFiles, plugins);
            return run(fleet, budget, seed, plugins, FreePort.pick(), name, overrides);
        } finally {
            deleteTree(plugins);
        }
    }

    private static MethodRun run(SurfaceFleet fleet, int budget, long seed, Path plugins, int port, String name,
                                 Map<String, String> overrides) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "perfopt.api.port", String.valueOf(port),
                "perfopt.cycle.enabled", "false",
                "perfopt.collect.scheduled", "false",
                "perfopt.collect.on-cycle", "true",
                "perfopt.agents.file", "does-not-exist.yaml",
                "perfopt.plugins.dir", plugins.toString(),
                "perfopt.engine.seed", String.valueOf(seed)));
        // perfopt keeps its history in a database: an in-memory one of its own per run here
        settings.put("perfopt.db.url", "jdbc:h2:mem:bench-" + java.util.UUID.randomUUID());
        overrides.forEach((key, value) -> {
            if (!key.equals(OPERATOR)) {
                settings.put(key, value);
            }
        });
        List<CycleReport> reports = new ArrayList<>();
        var builder = PerfoptApplication.builder().clock(fleet.clock())
                .settings(PerfoptSettings.defaultsOnly().with(settings)).sink(reports::add);
        for (String id : fleet.agentIds()) {
            builder.agent(new AgentConfig(id, "surface", Set.of(),
                    MetricsSource.json(fleet.simulator().metricsUri(id)),
                    new ControlEndpoint(fleet.simulator().controlUri(id), fleet.token(id), Duration.ofSeconds(2)),
                    Map.of("responseTimeMs", 100.0), PluginBinding.all()));
        }
        Map<String, Config> current = new LinkedHashMap<>(fleet.starts());
        Map<String, List<ChangeRecord>> changes = new HashMap<>();
        fleet.agentIds().forEach(a -> changes.put(a, new ArrayList<>()));
        Instant deadline = fleet.clock().instant().plus(TIME_PER_CHANGE.multipliedBy(budget));
        String note = "";
        try (PerfoptApplication perfopt = builder.build().start()) {
            while (changes.values().stream().anyMatch(c -> c.size() < budget)) {
                if (fleet.clock().instant().isAfter(deadline)) {
                    note = "stopped at the time limit with " + counts(changes) + " changes";
                    break;
                }
                fleet.clock().advance(CYCLE);
                CycleReport report = perfopt.loop().runCycle();
                trace(report);
                if (APPROVER.equals(overrides.get(OPERATOR))) {
                    // what-if: an operator approving every waiting change before the next cycle
                    perfopt.loop().approvals().forEach(w -> perfopt.loop().commands()
                            .handle(new io.perfopt.engine.command.Command.Approve(w.candidate().strategy().id())));
                }
                for (OptimizationResult r : report.results()) {
                    record(r, current, changes);
                }
            }
        }
        return new MethodRun(name, seed, fleet.starts(), changes, fleet.clock().instant(), note);
    }

    /** -Dperfopt.eval.trace=AGENT: every decision of each cycle that names the agent, to see why it waits. */
    private static void trace(CycleReport report) {
        String agent = System.getProperty("perfopt.eval.trace", "");
        if (!agent.isEmpty()) {
            report.decisions().stream().filter(d -> d.contains(agent))
                    .forEach(d -> System.err.printf("  trace %s: %s%n", report.startedAt(), d));
            report.bottlenecks().stream().filter(b -> b.component().equals(agent))
                    .forEach(b -> System.err.printf("  trace %s: bottleneck %s impact %.2f%n", report.startedAt(), b.description(), b.impact()));
            report.errors().forEach(e -> System.err.printf("  trace %s: error %s%n", report.startedAt(), e));
        }
    }

    private static void record(OptimizationResult r, Map<String, Config> current,
                               Map<String, List<ChangeRecord>> changes) {
        Verdict v = r.verdict();
        if (!(v.judged() || v == Verdict.INCONCLUSIVE)) {
            return;
        }
        String agent = r.strategy().target();
        Config before = current.get(agent);
        Config candidate = before;
        for (KnobChange c : r.strategy().changes()) {
            before = before.with(c.knob(), c.from());
            candidate = candidate.with(c.knob(), c.to());
        }
        changes.get(agent).add(new ChangeRecord(agent, r.timestamp(), before, candidate, v.kept()));
        if (Boolean.getBoolean("perfopt.eval.explain")) {
            // -Dperfopt.eval.explain=true: perfopt's own explanation and its sample counts before/after
            System.err.printf("  perfopt %s %s: %s [n %s/%s]%n", agent, r.timestamp(), r.explanation(),
                    r.before() == null ? "-" : r.before().count(), r.after() == null ? "-" : r.after().count());
        }
        current.put(agent, v.kept() ? candidate : before);
    }

    private static String counts(Map<String, List<ChangeRecord>> changes) {
        Map<String, Integer> n = new java.util.TreeMap<>();
        changes.forEach((a, c) -> n.put(a, c.size()));
        return n.toString();
    }

    private static void copyPlugins(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            List<Path> zips = files.filter(p -> p.toString().endsWith(".zip")).toList();
            if (zips.isEmpty()) {
                throw new IllegalStateException("no plugin files in " + from.toAbsolutePath()
                        + ": build with mvn -B -pl benchmarks -am verify");
            }
            for (Path zip : zips) {
                Files.copy(zip, to.resolve(zip.getFileName()));
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
