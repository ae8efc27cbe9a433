package io.perfopt.integration.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-evaluates which agents this member owns whenever members come or go or partitions
 * migrate, and at a fixed period as a safety net (events may arrive before the partition table
 * settles), and tells its listener what was gained and lost. Evaluations run one at a time on
 * their own thread; a burst of events coalesces into one.
 */
public final class OwnershipWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OwnershipWatcher.class);

    private final HazelcastInstance member;
    private final PartitionOwnership ownership;
    private final Supplier<? extends Collection<String>> agents;
    private final OwnershipListener listener;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "perfopt-ownership");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private Set<String> owned = Set.of();
    private UUID membershipRegistration;
    private UUID migrationRegistration;

    /**
     * @param agents every agent id of the fleet, owned or not
     */
    public OwnershipWatcher(HazelcastInstance member, PartitionOwnership ownership,
                            Supplier<? extends Collection<String>> agents, OwnershipListener listener) {
        this.member = member;
        this.ownership = ownership;
        this.agents = agents;
        this.listener = listener;
    }

    /** Evaluates now, then on every cluster event and every {@code period}. */
    public OwnershipWatcher start(Duration period) {
        membershipRegistration = member.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                requestRefresh();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                requestRefresh();
            }
        });
        migrationRegistration = member.getPartitionService().addMigrationListener(new MigrationListener() {
            @Override
            public void migrationStarted(MigrationState state) {
                // ownership moves only as replicas complete
            }

            @Override
            public void migrationFinished(MigrationState state) {
                requestRefresh();
            }

            @Override
            public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
                requestRefresh();
            }

            @Override
            public void replicaMigrationFailed(ReplicaMigrationEvent event) {
                requestRefresh();
            }
        });
        refresh();
        thread.scheduleWithFixedDelay(this::requestRefresh, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void requestRefresh() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                refresh();
            });
        }
    }

    /** Evaluates ownership now and tells the listener what changed; returns the agents owned. */
    public synchronized Set<String> refresh() {
        Set<String> now = new TreeSet<>();
        for (String agentId : agents.get()) {
            if (ownership.test(agentId)) {
                now.add(agentId);
            }
        }
        for (String agentId : owned) {
            if (!now.contains(agentId)) {
                tell(agentId, false);
            }
        }
        for (String agentId : now) {
            if (!owned.contains(agentId)) {
                tell(agentId, true);
            }
        }
        if (!now.equals(owned)) {
            log.info("this member now optimizes {} of {} agents{}", now.size(), agents.get().size(),
                    ownership.hasQuorum() ? "" : " (below the minimum cluster size of " + ownership.minSize() + ")");
        }
        owned = Set.copyOf(now);
        return owned;
    }

    private void tell(String agentId, boolean gained) {
        try {
            if (gained) {
                listener.gained(agentId);
            } else {
                listener.lost(agentId);
            }
        } catch (RuntimeException e) {
            log.warn("agent {}: reacting to its {} failed", agentId, gained ? "arrival" : "departure", e);
        }
    }

    /** The agents owned at the last evaluation. */
    public synchronized Set<String> owned() {
        return owned;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        if (member.getLifecycleService().isRunning()) {
            member.getCluster().removeMembershipListener(membershipRegistration);
            member.getPartitionService().removeMigrationListener(migrationRegistration);
        }
    }
}
