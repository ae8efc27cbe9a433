package io.perfopt.integration.cluster;

import static org.awaitility.Awaitility.await;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.integration.testing.CachePlugin;
import io.perfopt.integration.testing.FleetAgents;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.integration.testing.TestSettings;
import io.perfopt.simulator.AgentKinds;
import io.perfopt.simulator.AgentSpec;
import io.perfopt.simulator.SimulatedFleet;
import io.perfopt.simulator.agent.KnobChangeRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Several perfopt nodes in this JVM, each a full application (Camel, API, engine) and a real
 * Hazelcast member on 127.0.0.1, against one simulated fleet of slow market-hunters, all on one
 * manual clock. Agents are chosen so that each node owns the same number of them; cycles run by
 * hand, node after node, so every knob change is attributed to the node whose cycle made it.
 */
final class ClusterFleet implements AutoCloseable {

    final ManualClock clock = ManualClock.startingAtEpochOf2026();
    final List<PerfoptApplication> nodes = new ArrayList<>();
    final List<PerfoptApplication> live = new ArrayList<>();
    /** The agents each node owned when the fleet was built, by node id. */
    final Map<String, List<String>> ownedAtStart = new LinkedHashMap<>();
    /** Every knob change, by agent, with the node whose cycle made it. */
    final Map<String, List<String>> changedBy = new HashMap<>();
    /** Every cycle report, by node id. */
    final Map<String, List<CycleReport>> reports = new HashMap<>();
    final SimulatedFleet fleet;

    ClusterFleet(int size, int agentsPerNode) throws Exception {
        this(size, agentsPerNode, Map.of());
    }

    /** @param overrides settings every node gets on top of the test timings */
    ClusterFleet(int size, int agentsPerNode, Map<String, String> overrides) throws Exception {
        String name = "fleet-" + UUID.randomUUID();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(FreePort.pick());
        }
        String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        // one database for the whole cluster, as in production, and for this fleet only
        String database = "jdbc:h2:mem:cluster-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        for (int i = 0; i < size; i++) {
            Map<String, String> settings = TestSettings.manualCycles();
            settings.putAll(Map.of(
                    "perfopt.node.id", "node-" + (i + 1),
                    "perfopt.api.port", String.valueOf(FreePort.pick()),
                    "perfopt.cluster.name", name,
                    "perfopt.cluster.host", "127.0.0.1",
                    "perfopt.cluster.port", String.valueOf(ports.get(i)),
                    "perfopt.cluster.members", members,
                    "perfopt.db.url", database));
            settings.putAll(overrides);
            PerfoptApplication node = PerfoptApplication.builder().clock(clock)
                    .settings(PerfoptSettings.defaultsOnly().with(settings))
                    .plugins(PluginSource.of(List.of(CachePlugin.quadrupling("cache-quadrupler")))).build().start();
            nodes.add(node);
            live.add(node);
            reports.put(nodeId(node), new ArrayList<>());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> nodes.stream()
                .allMatch(n -> n.cluster().member().getCluster().getMembers().size() == size
                        && n.cluster().member().getPartitionService().getPartitions().stream()
                                .allMatch(p -> p.getOwner() != null)
                        && n.cluster().member().getPartitionService().isClusterSafe()));

        List<String> ids = chooseAgents(agentsPerNode);
        fleet = SimulatedFleet.builder().clock(clock).seed(42)
                .agents(ids.stream().map(id -> AgentSpec.of(id, AgentKinds.MARKET_HUNTER)).toList())
                .warmUp(SimulatedFleet.DEMO_WARM_UP).build();
        fleet.start(0);
        for (PerfoptApplication node : nodes) {
            for (AgentConfig agent : FleetAgents.json(fleet)) {
                if (!node.registry().register(agent).isEmpty()) {
                    throw new IllegalStateException("cannot register " + agent.id());
                }
            }
        }
    }

    /** Agent ids such that each node owns {@code perNode} of them. */
    private List<String> chooseAgents(int perNode) {
        PartitionOwnership ownership = nodes.get(0).cluster().ownership();
        nodes.forEach(n -> ownedAtStart.put(nodeId(n), new ArrayList<>()));
        for (int i = 0; ownedAtStart.values().stream().anyMatch(l -> l.size() < perNode); i++) {
            String id = String.format("hunter-%03d", i);
            String owner = ownership.ownerNode(id).orElseThrow();
            if (ownedAtStart.get(owner).size() < perNode) {
                ownedAtStart.get(owner).add(id);
            }
        }
        return ownedAtStart.values().stream().flatMap(List::stream).sorted().toList();
    }

    /** Lets {@code time} pass, then runs one cycle on each live node in turn, attributing knob changes. */
    void round(Duration time) {
        clock.advance(time);
        for (PerfoptApplication node : live) {
            Map<String, Integer> before = historySizes();
            reports.get(nodeId(node)).add(node.loop().runCycle());
            historySizes().forEach((agent, size) -> {
                for (int i = before.get(agent); i < size; i++) {
                    changedBy.computeIfAbsent(agent, a -> new ArrayList<>()).add(nodeId(node));
                }
            });
        }
    }

    private Map<String, Integer> historySizes() {
        Map<String, Integer> sizes = new HashMap<>();
        fleet.agents().forEach(a -> sizes.put(a.id(), a.history().size()));
        return sizes;
    }

    List<KnobChangeRecord> history(String agentId) {
        return fleet.agent(agentId).history();
    }

    static String nodeId(PerfoptApplication node) {
        return node.loop().config().nodeId();
    }

    /** Kills a node as a crash would: its member vanishes without handing anything over, then its app stops. */
    void kill(PerfoptApplication node) {
        node.cluster().member().getLifecycleService().terminate();
        node.close();
        live.remove(node);
    }

    @Override
    public void close() {
        live.forEach(PerfoptApplication::close);
        if (fleet != null) {
            fleet.close();
        }
    }
}
