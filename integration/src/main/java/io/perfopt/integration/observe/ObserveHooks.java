package io.perfopt.integration.observe;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What other parts of a node tell {@code /metrics} and {@code /health}, set while the node
 * starts (or any time later: every hook is read when asked, never cached). Unset, each hook has
 * the answer of a single node without a database:
 *
 * <pre>
 *   outboxDepth     reports waiting in the outbox         () -> 0      gauge perfopt_outbox_depth
 *   clusterMembers  members of the cluster                () -> 1      gauge perfopt_cluster_members
 *   database        is the database reachable?            unset: the readiness check perfopt-database is skipped (UP)
 *   cluster         has this node joined its cluster?     unset: a single node is its own cluster (UP)
 * </pre>
 *
 * Thread-safe: hooks may be replaced while the endpoints are being read.
 */
public final class ObserveHooks {

    private volatile LongSupplier outboxDepth = () -> 0;
    private volatile IntSupplier clusterMembers = () -> 1;
    private volatile Probe database;
    private volatile Probe cluster;

    /** Reports waiting in the outbox for delivery to the orchestrator (the database engineer's outbox). */
    public ObserveHooks outboxDepth(LongSupplier hook) {
        outboxDepth = Objects.requireNonNull(hook, "outboxDepth");
        return this;
    }

    /** Members of the cluster this node belongs to, itself included. */
    public ObserveHooks clusterMembers(IntSupplier hook) {
        clusterMembers = Objects.requireNonNull(hook, "clusterMembers");
        return this;
    }

    /** Whether the database answers; readiness is DOWN while it does not. */
    public ObserveHooks database(Probe hook) {
        database = Objects.requireNonNull(hook, "database");
        return this;
    }

    /** Whether this node has joined its cluster; readiness is DOWN while it has not. */
    public ObserveHooks cluster(Probe hook) {
        cluster = Objects.requireNonNull(hook, "cluster");
        return this;
    }

    long outboxDepth() {
        return outboxDepth.getAsLong();
    }

    int clusterMembers() {
        return clusterMembers.getAsInt();
    }

    Optional<Probe> database() {
        return Optional.ofNullable(database);
    }

    Optional<Probe> cluster() {
        return Optional.ofNullable(cluster);
    }
}
