package io.perfopt.integration.cluster;

import static org.awaitility.Awaitility.await;

import io.perfopt.integration.testing.FreePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Real Hazelcast members on 127.0.0.1 in this JVM, each on its own free port, all listing each
 * other, under a cluster name of their own so that no other test's member joins them.
 */
final class LoopbackCluster implements AutoCloseable {

    final String name = "test-" + UUID.randomUUID();
    final List<PerfoptCluster> members = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final int minSize;

    /**
     * @param size    how many members will be started (their addresses are listed from the start)
     * @param minSize members needed to act; 0: a majority of {@code size}
     */
    LoopbackCluster(int size, int minSize) {
        for (int i = 0; i < size; i++) {
            ports.add(FreePort.pick());
        }
        this.minSize = minSize;
    }

    /** Starts the next member, as node-{n}. */
    PerfoptCluster start(ClusterStores stores) {
        int index = members.size();
        PerfoptCluster member = PerfoptCluster.start(settings(index), "node-" + (index + 1), stores);
        members.add(member);
        return member;
    }

    /** Starts every member not yet started and waits until each sees all. */
    LoopbackCluster startAll(IntFunction<ClusterStores> stores) {
        while (members.size() < ports.size()) {
            start(stores.apply(members.size()));
        }
        awaitSize(ports.size());
        return this;
    }

    ClusterSettings settings(int index) {
        List<String> all = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        return ClusterSettings.solo(name).withMembers("127.0.0.1", ports.get(index), all).withMinSize(minSize);
    }

    /** Waits until every running member sees {@code size} members and every partition has an owner and none is migrating. */
    void awaitSize(int size) {
        await().atMost(Duration.ofSeconds(60)).until(() -> members.stream()
                .filter(m -> m.member().getLifecycleService().isRunning())
                .allMatch(m -> m.member().getCluster().getMembers().size() == size
                        && m.member().getPartitionService().getPartitions().stream().allMatch(p -> p.getOwner() != null)
                        && m.member().getPartitionService().isClusterSafe()));
    }

    PerfoptCluster get(int index) {
        return members.get(index);
    }

    @Override
    public void close() {
        members.forEach(PerfoptCluster::leave);
    }
}
