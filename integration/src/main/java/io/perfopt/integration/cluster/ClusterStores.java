package io.perfopt.integration.cluster;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The tables that keep the cluster's learning and journal in the database, or none: without a
 * database both maps live in the members' memory (with backups) and a full-cluster restart
 * starts from nothing. The maps write through to the tables themselves rather than through a
 * Hazelcast MapStore, whose initial loading stalls while members join and partitions migrate.
 */
public final class ClusterStores {

    private final LearningTable learning;
    private final JournalTable journal;

    private ClusterStores(LearningTable learning, JournalTable journal) {
        this.learning = learning;
        this.journal = journal;
    }

    /** No persistence. */
    public static ClusterStores none() {
        return new ClusterStores(null, null);
    }

    /** Persistence to the tables {@code learning_stats} and {@code change_journal} of that database. */
    public static ClusterStores over(DataSource dataSource, Clock clock) {
        return new ClusterStores(new LearningTable(dataSource, clock), new JournalTable(dataSource, clock));
    }

    Optional<LearningTable> learning() {
        return Optional.ofNullable(learning);
    }

    Optional<JournalTable> journal() {
        return Optional.ofNullable(journal);
    }

    /**
     * Puts what the database holds into the two maps, once per cluster: the first member to
     * start after a full-cluster restart does it (a cluster-wide marker decides which), before its
     * cycles read the journal. Entries already in the maps are left as they are; a member that
     * joins a running cluster finds them there.
     */
    void restoreInto(com.hazelcast.core.HazelcastInstance member, String nodeId) {
        if (learning == null) {
            return;
        }
        var marker = member.<String, String>getMap(ClusterMaps.RESTORED);
        if (marker.putIfAbsent("restored", nodeId) != null) {
            return;
        }
        var learned = member.<String, io.perfopt.api.learning.LearningStats>getMap(ClusterMaps.LEARNING);
        learning.loadAll(learning.storedKeys()).forEach(learned::putIfAbsent);
        var journalMap = member.<String, String>getMap(ClusterMaps.JOURNAL);
        journal.loadAll(journal.storedKeys()).forEach(journalMap::putIfAbsent);
    }

    String describe() {
        return learning == null ? "none (memory and backups only)" : "learning_stats and change_journal tables";
    }
}
