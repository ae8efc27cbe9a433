package io.perfopt.integration.cluster;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The map stores that persist the cluster's learning and journal to the database, or none:
 * without a database both maps live in the members' memory (with backups) and a full-cluster
 * restart starts from nothing.
 */
public final class ClusterStores {

    private final LearningMapStore learning;
    private final JournalMapStore journal;

    private ClusterStores(LearningMapStore learning, JournalMapStore journal) {
        this.learning = learning;
        this.journal = journal;
    }

    /** No persistence. */
    public static ClusterStores none() {
        return new ClusterStores(null, null);
    }

    /** Persistence to the tables {@code learning_stats} and {@code change_journal} of that database. */
    public static ClusterStores over(DataSource dataSource, Clock clock) {
        return new ClusterStores(new LearningMapStore(dataSource, clock), new JournalMapStore(dataSource, clock));
    }

    Optional<LearningMapStore> learning() {
        return Optional.ofNullable(learning);
    }

    Optional<JournalMapStore> journal() {
        return Optional.ofNullable(journal);
    }

    String describe() {
        return learning == null ? "none (memory and backups only)" : "learning_stats and change_journal tables";
    }
}
