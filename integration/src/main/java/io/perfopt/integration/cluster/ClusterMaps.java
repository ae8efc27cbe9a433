package io.perfopt.integration.cluster;

/** The names perfopt gives its Hazelcast structures and member attributes, in one place. */
public final class ClusterMaps {

    /** Learning statistics by {@code ActionKey.asText()}, updated only by entry processors. */
    public static final String LEARNING = "perfopt-learning";
    /** Open journal entries (JSON) by entry id. */
    public static final String JOURNAL = "perfopt-journal";
    /** Runs forwarded samples on the owner of their agent. */
    public static final String SAMPLES_EXECUTOR = "perfopt-samples";
    /** Marks that the maps were restored from the database in this cluster's lifetime. */
    public static final String RESTORED = "perfopt-restored";
    /** The split-brain protection guarding the journal. */
    public static final String QUORUM = "perfopt-quorum";
    /** The member attribute holding the perfopt node id. */
    public static final String NODE_ATTRIBUTE = "perfopt.node";
    /** The user-context key under which a member finds where forwarded samples go. */
    static final String LOCAL_SAMPLES = "perfopt.local-samples";

    private ClusterMaps() {
    }
}
