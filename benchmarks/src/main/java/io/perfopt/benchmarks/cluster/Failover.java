package io.perfopt.benchmarks.cluster;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.time.ManualClock;
import io.perfopt.benchmarks.report.FreePort;
import io.perfopt.benchmarks.report.JdkHttpServers;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.simulator.AgentKinds;
import io.perfopt.simulator.SimulatedFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The time from a member's death to its agents being served by the others: three full perfopt
 * nodes (Camel, API, engine, each a Hazelcast member on loopback) in this JVM share one
 * simulated fleet on a manual clock, as the cluster tests run them. After a round of cycles, the
 * first node is killed as a crash would kill it (its member terminated without handing anything
 * over, then its application stopped). Measured in real time from the kill: until every agent
 * the dead node owned is owned by exactly one survivor, and until a survivor's cycle (run at once,
 * back to back) has polled each of them. In production the second figure is followed by the wait
 * for the survivors' next scheduled cycle.
 */
final class Failover {

    /** Milliseconds from each kill. */
    record Result(int agents, List<Double> ownedMs, List<Double> servedMs) {
    }

    private Failover() {
    }

    static Result run(int times, int agents) throws Exception {
        JdkHttpServers.noDelay();
        List<Double> owned = new ArrayList<>();
        List<Double> served = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            double[] once = once(agents);
            owned.add(once[0]);
            served.add(once[1]);
        }
        return new Result(agents, owned, served);
    }

    private static double[] once(int agentCount) throws Exception {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        List<PerfoptApplication> nodes = new ArrayList<>();
        try (SimulatedFleet fleet = SimulatedFleet.builder().clock(clock).seed(7)
                .copies(agentCount, List.of(AgentKinds.SURFACE)).noTokens().build()) {
            fleet.start(0);
            String name = "bench-" + UUID.randomUUID();
            List<Integer> ports = List.of(FreePort.pick(), FreePort.pick(), FreePort.pick());
            String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
            for (int i = 0; i < 3; i++) {
                Map<String, String> settings = new HashMap<>(Map.ofEntries(
                        Map.entry("perfopt.node.id", "node-" + (i + 1)),
                        Map.entry("perfopt.api.port", String.valueOf(FreePort.pick())),
                        Map.entry("perfopt.agents.file", "does-not-exist.yaml"),
                        Map.entry("perfopt.cycle.enabled", "false"),
                        Map.entry("perfopt.collect.scheduled", "false"),
                        Map.entry("perfopt.collect.on-cycle", "true"),
                        Map.entry("perfopt.cluster.name", name),
                        Map.entry("perfopt.cluster.host", "127.0.0.1"),
                        Map.entry("perfopt.cluster.port", String.valueOf(ports.get(i))),
                        Map.entry("perfopt.cluster.members", members)));
                settings.put("perfopt.db.url", "jdbc:h2:mem:bench-" + UUID.randomUUID());
                nodes.add(PerfoptApplication.builder().clock(clock).settings(PerfoptSettings.defaultsOnly()
                        .with(settings)).plugins(PluginSource.of(List.of())).build().start());
            }
            awaitCluster(nodes, 3);
            for (PerfoptApplication node : nodes) {
                fleet.agents().forEach(a -> node.registry().register(AgentConfig.of(a.id(),
                        MetricsSource.json(fleet.metricsUri(a.id())))));
            }
            clock.advance(Duration.ofSeconds(10));
            nodes.forEach(n -> n.loop().runCycle());

            PerfoptApplication victim = nodes.get(0);
            Set<String> orphans = fleet.agents().stream().map(a -> a.id())
                    .filter(id -> victim.cluster().ownership().test(id)).collect(Collectors.toSet());
            List<PerfoptApplication> survivors = List.copyOf(nodes.subList(1, 3));
            long start = System.nanoTime();
            victim.cluster().member().getLifecycleService().terminate();
            victim.close();
            nodes.remove(victim);
            while (!orphans.stream().allMatch(id -> survivors.stream().filter(n -> n.cluster().ownership().test(id))
                    .count() == 1)) {
                ClusterBenchmark.sleep(1);
            }
            double ownedMs = (System.nanoTime() - start) / 1e6;
            Set<String> polled = new HashSet<>();
            while (!polled.containsAll(orphans)) {
                clock.advance(Duration.ofSeconds(10));
                for (PerfoptApplication node : survivors) {
                    CycleReport report = node.loop().runCycle();
                    report.agents().stream().filter(id -> node.collection().of(id).polls() > 0).forEach(polled::add);
                }
            }
            double servedMs = (System.nanoTime() - start) / 1e6;
            return new double[] {ownedMs, servedMs, orphans.size()};
        } finally {
            nodes.forEach(PerfoptApplication::close);
        }
    }

    private static void awaitCluster(List<PerfoptApplication> nodes, int size) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!nodes.stream().allMatch(n -> n.cluster().member().getCluster().getMembers().size() == size
                && n.cluster().member().getPartitionService().isClusterSafe())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the nodes did not form a cluster of " + size + " within 60 s");
            }
            ClusterBenchmark.sleep(20);
        }
    }
}
