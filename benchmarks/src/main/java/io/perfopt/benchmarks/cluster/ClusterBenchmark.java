package io.perfopt.benchmarks.cluster;

import io.perfopt.benchmarks.report.Args;
import io.perfopt.benchmarks.report.FreePort;
import io.perfopt.benchmarks.report.Machine;
import io.perfopt.benchmarks.report.Spread;
import io.perfopt.engine.learn.InMemoryLearningStore;
import io.perfopt.engine.learn.LearningStore;
import io.perfopt.integration.cluster.ClusterSettings;
import io.perfopt.integration.cluster.ClusterStores;
import io.perfopt.integration.cluster.PerfoptCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The cluster's costs, on loopback in one JVM:
 *
 * <ul>
 *   <li>learning updates per second through the entry processor of the shared learning map
 *       ({@code ClusterLearningStore.record}, one synchronous backup), with 1 and 3 members, the
 *       recording threads spread over the members; in the same run, the in-memory store a node
 *       without a cluster would use (the ceiling). Every run checks that no update was lost;</li>
 *   <li>failover: see {@link Failover}.</li>
 * </ul>
 *
 * <pre>
 * benchmarks/run.sh cluster.ClusterBenchmark --rounds 5 --seconds 5 --threads 8 --failovers 5
 * </pre>
 */
public final class ClusterBenchmark {

    private ClusterBenchmark() {
    }

    /** Learning updates per second, per round, of each setup. */
    public record Updates(List<Double> inMemory, List<Double> oneMember, List<Double> threeMembers) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        int rounds = args.integer("rounds", 5);
        Duration seconds = Duration.ofSeconds(args.integer("seconds", 5));
        int threads = args.integer("threads", 8);
        Updates u = updates(rounds, seconds, threads, args.integer("actions", 1000));
        System.out.println("# cluster: " + Machine.describe());
        System.out.printf(Locale.ROOT, "learning updates per second, %d recording threads, %d actions%n", threads,
                args.integer("actions", 1000));
        System.out.println("| store | updates/s | ratio to in-memory |");
        System.out.println("|---|---|---:|");
        double ceiling = Spread.of(u.inMemory()).median();
        System.out.println("| in-memory (no cluster) | " + Spread.of(u.inMemory()).describe("%,.0f") + " | 1 |");
        System.out.printf(Locale.ROOT, "| cluster, 1 member | %s | %.4f |%n", Spread.of(u.oneMember()).describe("%,.0f"),
                Spread.of(u.oneMember()).median() / ceiling);
        System.out.printf(Locale.ROOT, "| cluster, 3 members | %s | %.4f |%n",
                Spread.of(u.threeMembers()).describe("%,.0f"), Spread.of(u.threeMembers()).median() / ceiling);
        int failovers = args.integer("failovers", 5);
        if (failovers > 0) {
            Failover.Result f = Failover.run(failovers, args.integer("agents", 30));
            System.out.println();
            System.out.printf(Locale.ROOT, "failover: 3 perfopt nodes, %d agents, the owner of a third of them killed"
                    + " (member terminated, then its application stopped), %d times%n", f.agents(), failovers);
            System.out.println("| from the kill to | ms |");
            System.out.println("|---|---|");
            System.out.println("| every agent of the dead node owned by one survivor | "
                    + Spread.of(f.ownedMs()).describe("%.0f") + " |");
            System.out.println("| ... and polled in a survivor's cycle | " + Spread.of(f.servedMs()).describe("%.0f")
                    + " |");
        }
    }

    public static Updates updates(int rounds, Duration seconds, int threads, int actions) throws Exception {
        LearningUpdates load = new LearningUpdates(actions);
        List<Double> inMemory = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        List<Double> three = new ArrayList<>();
        for (int r = 0; r < rounds + 1; r++) {
            double m = rate(load, List.of(new InMemoryLearningStore()), threads, seconds);
            if (r > 0) {
                inMemory.add(m); // the first round warms the JIT
            }
        }
        one.addAll(clustered(load, 1, rounds, threads, seconds));
        three.addAll(clustered(load, 3, rounds, threads, seconds));
        return new Updates(inMemory, one, three);
    }

    private static List<Double> clustered(LearningUpdates load, int size, int rounds, int threads, Duration seconds)
            throws Exception {
        List<PerfoptCluster> members = start(size);
        try {
            List<LearningStore> stores = members.stream().map(PerfoptCluster::learning).toList();
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < rounds + 1; r++) {
                double rate = rate(load, stores, threads, seconds);
                if (r > 0) {
                    rates.add(rate);
                }
            }
            return rates;
        } finally {
            members.forEach(PerfoptCluster::leave);
        }
    }

    /** Updates per second of one timed run; throws if any update was lost. */
    private static double rate(LearningUpdates load, List<LearningStore> stores, int threads, Duration seconds)
            throws InterruptedException {
        long before = load.trials(stores.get(0));
        long start = System.nanoTime();
        long made = load.run(stores, threads, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long counted = load.trials(stores.get(0)) - before;
        if (counted != made) {
            throw new IllegalStateException("lost learning updates: " + made + " recorded, " + counted + " counted");
        }
        return made / elapsed;
    }

    /** {@code size} members on loopback, listing each other, under a cluster name of their own. */
    static List<PerfoptCluster> start(int size) {
        String name = "bench-" + UUID.randomUUID();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(FreePort.pick());
        }
        List<String> all = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        List<PerfoptCluster> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(PerfoptCluster.start(ClusterSettings.solo(name).withMembers("127.0.0.1", ports.get(i), all)
                    .withMinSize(1), "node-" + (i + 1), ClusterStores.none()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!members.stream().allMatch(m -> m.member().getCluster().getMembers().size() == size
                && m.member().getPartitionService().isClusterSafe())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + size + " members did not form a cluster within 60 s");
            }
            sleep(20);
        }
        return members;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
