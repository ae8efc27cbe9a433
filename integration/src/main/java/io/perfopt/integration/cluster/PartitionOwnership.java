package io.perfopt.integration.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.partition.Partition;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which member optimizes an agent: the owner of the partition its id hashes to. Partitions are
 * spread evenly over the members and move when members come or go, and exactly one member owns
 * a partition at a time, so each agent has one optimizer.
 *
 * <p>As a predicate it answers "does this member act on the agent": only while this side of the
 * cluster has its minimum size, so that after a split the smaller side acts on nothing.
 */
public final class PartitionOwnership implements Predicate<String> {

    private final HazelcastInstance member;
    private final int minSize;

    public PartitionOwnership(HazelcastInstance member, int minSize) {
        this.member = member;
        this.minSize = minSize;
    }

    /** Whether this member acts on the agent: it owns the agent's partition and the cluster has its minimum size. */
    @Override
    public boolean test(String agentId) {
        return hasQuorum() && partitionIsLocal(agentId);
    }

    /** Whether this member owns the agent's partition, quorum or not (where its samples belong). */
    public boolean partitionIsLocal(String agentId) {
        return owner(agentId).map(Member::localMember).orElse(false);
    }

    /** Whether this side of the cluster has at least the minimum number of members. */
    public boolean hasQuorum() {
        return running() && member.getCluster().getMembers().size() >= minSize;
    }

    /** The member owning the agent's partition; empty while partitions are being assigned or once stopped. */
    public Optional<Member> owner(String agentId) {
        if (!running()) {
            return Optional.empty();
        }
        try {
            Partition partition = member.getPartitionService().getPartition(agentId);
            return Optional.ofNullable(partition.getOwner());
        } catch (HazelcastInstanceNotActiveException e) {
            return Optional.empty();
        }
    }

    /** The node id of the member acting on the agent; empty when none may (no owner, or no quorum). */
    public Optional<String> ownerNode(String agentId) {
        return hasQuorum() ? owner(agentId).map(PartitionOwnership::nodeOf) : Optional.empty();
    }

    /** The members this one sees, oldest first; empty once stopped. */
    public List<Member> members() {
        return running() ? List.copyOf(member.getCluster().getMembers()) : List.of();
    }

    /** The minimum size in force. */
    public int minSize() {
        return minSize;
    }

    /** The node id a member published, else its address. */
    public static String nodeOf(Member m) {
        String node = m.getAttribute(ClusterMaps.NODE_ATTRIBUTE);
        return node != null ? node : m.getAddress().toString();
    }

    private boolean running() {
        return member.getLifecycleService().isRunning();
    }
}
