package io.perfopt.integration.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.perfopt.engine.execute.ChangeJournal;
import io.perfopt.engine.learn.LearningStore;
import io.perfopt.integration.collect.SampleSink;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node as a member of the perfopt cluster, and the engine ports the cluster backs: which
 * agents this node optimizes, the shared learning, the shared change journal, and a sample sink
 * that delivers every sample to its agent's owner. A node alone is a one-member cluster.
 *
 * <p>Hazelcast's shutdown hook is off: {@link #leave()} is called by the application after its
 * routes have stopped, so that nothing polls or applies while partitions are handed over.
 */
public final class PerfoptCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PerfoptCluster.class);

    private final HazelcastInstance member;
    private final PartitionOwnership ownership;
    private final AtomicReference<SampleSink> localSamples;
    private final ClusterSettings settings;
    private final ClusterStores stores;
    private final List<OwnershipWatcher> watchers = new CopyOnWriteArrayList<>();

    private PerfoptCluster(HazelcastInstance member, PartitionOwnership ownership,
                           AtomicReference<SampleSink> localSamples, ClusterSettings settings, ClusterStores stores) {
        this.member = member;
        this.ownership = ownership;
        this.localSamples = localSamples;
        this.settings = settings;
        this.stores = stores;
    }

    /** Starts this node's member and joins the listed members (alone when there are none). */
    public static PerfoptCluster start(ClusterSettings settings, String nodeId, ClusterStores stores) {
        AtomicReference<SampleSink> samples = new AtomicReference<>();
        Config config = MemberConfig.build(settings, nodeId, stores, samples);
        int minSize = MemberConfig.minimumSize(settings, config);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        stores.restoreInto(member, nodeId);
        log.info("node {} joined cluster {} as {}: {} member(s), {} needed to act, persistence: {}", nodeId,
                settings.name(), member.getCluster().getLocalMember().getAddress(),
                member.getCluster().getMembers().size(), minSize, stores.describe());
        return new PerfoptCluster(member, new PartitionOwnership(member, minSize), samples, settings, stores);
    }

    /** Which agents this node acts on; also a {@code Predicate<String>} for the directory and routes. */
    public PartitionOwnership ownership() {
        return ownership;
    }

    /** The learning shared by all members. */
    public LearningStore learning() {
        return new ClusterLearningStore(member.getMap(ClusterMaps.LEARNING), stores.learning());
    }

    /** The change journal shared by all members; writes only for agents this node owns. */
    public ChangeJournal journal() {
        return new ClusterChangeJournal(member.getMap(ClusterMaps.JOURNAL), ownership, stores.journal());
    }

    /**
     * The sink for samples arriving here: owned agents' go to {@code local}, the others' to their
     * owner. {@code local} also receives the samples other members forward to this one.
     */
    public SampleSink samples(SampleSink local) {
        localSamples.set(local);
        return new ForwardingSampleSink(ownership, local, member.getExecutorService(ClusterMaps.SAMPLES_EXECUTOR));
    }

    /** Watches ownership of the agents {@code agents} lists; stopped by {@link #leave()}. */
    public OwnershipWatcher watch(Supplier<? extends Collection<String>> agents, OwnershipListener listener) {
        OwnershipWatcher watcher = new OwnershipWatcher(member, ownership, agents, listener)
                .start(settings.ownershipCheck());
        watchers.add(watcher);
        return watcher;
    }

    /** The Hazelcast member. */
    public HazelcastInstance member() {
        return member;
    }

    /** The cluster's name. */
    public String name() {
        return settings.name();
    }

    /** How often ownership is re-evaluated besides events. */
    public Duration ownershipCheck() {
        return settings.ownershipCheck();
    }

    /** Leaves the cluster gracefully: this member's partitions (agents, journal entries) move to the others first. */
    public void leave() {
        watchers.forEach(OwnershipWatcher::close);
        watchers.clear();
        if (member.getLifecycleService().isRunning()) {
            log.info("leaving cluster {}", settings.name());
            member.shutdown();
        }
    }

    @Override
    public void close() {
        leave();
    }
}
