package io.perfopt.integration.cluster;

import com.hazelcast.config.ClasspathYamlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import io.perfopt.integration.collect.SampleSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's Hazelcast configuration: {@code hazelcast.yaml} (the user's, else the built-in
 * default) for network and tuning, then what perfopt guarantees whatever that file says:
 *
 * <ul>
 *   <li>the cluster name, address, port and members of {@code perfopt.cluster.*} when set;</li>
 *   <li>no phone-home, and no Hazelcast shutdown hook: perfopt leaves the cluster itself, after
 *       its routes have stopped;</li>
 *   <li>the learning and journal maps with at least one synchronous backup, their merge
 *       policies (their tables in the database are written by the stores themselves);</li>
 *   <li>split-brain protection on the journal: a side below the minimum size cannot record a
 *       change, so it never applies one.</li>
 * </ul>
 */
public final class MemberConfig {

    private static final Logger log = LoggerFactory.getLogger(MemberConfig.class);

    private MemberConfig() {
    }

    /**
     * @param settings the {@code perfopt.cluster.*} settings
     * @param nodeId   this node's id, published as a member attribute
     * @param stores   the database tables, for the log line; {@link ClusterStores#none()} keeps the maps in memory only
     * @param samples  where samples forwarded to this member go (set once the engine exists)
     */
    public static Config build(ClusterSettings settings, String nodeId, ClusterStores stores,
                               AtomicReference<SampleSink> samples) {
        Config config = load(settings);
        config.setClusterName(settings.name());
        config.getMemberAttributeConfig().setAttribute(ClusterMaps.NODE_ATTRIBUTE, nodeId);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        network(config, settings);
        int minSize = minimumSize(settings, config);
        // a lone member needs no protection, and Hazelcast's would refuse writes until its first membership check
        boolean protect = minSize > 1;
        if (protect) {
            config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(ClusterMaps.QUORUM, true, minSize)
                    .setProtectOn(SplitBrainProtectionOn.WRITE));
        }
        config.addMapConfig(learningMap(settings));
        config.addMapConfig(journalMap(settings, protect));
        config.getSerializationConfig().getCompactSerializationConfig()
                .addSerializer(new LearningStatsSerializer())
                .addSerializer(new RecordOutcomeSerializer())
                .addSerializer(new ForwardedSamplesSerializer());
        ConcurrentMap<String, Object> context = new ConcurrentHashMap<>(config.getUserContext());
        context.put(ClusterMaps.LOCAL_SAMPLES, samples);
        config.setUserContext(context);
        log.debug("cluster {}: node {} joins {} (min size {}), persistence {}", settings.name(), nodeId,
                config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers(), minSize, stores.describe());
        return config;
    }

    /** Members needed to act: the setting, else a majority of the listed members, else 1. */
    public static int minimumSize(ClusterSettings settings, Config config) {
        if (settings.minSize() > 0) {
            return settings.minSize();
        }
        JoinConfig join = config.getNetworkConfig().getJoin();
        int listed = join.getTcpIpConfig().isEnabled() ? (int) join.getTcpIpConfig().getMembers().stream()
                .distinct().count() : 0;
        return listed <= 1 ? 1 : listed / 2 + 1;
    }

    private static Config load(ClusterSettings settings) {
        if (settings.configFile() == null) {
            return new ClasspathYamlConfig(ClusterSettings.DEFAULT_CONFIG);
        }
        try {
            log.info("cluster configuration from {}", settings.configFile());
            return Config.loadFromFile(settings.configFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster configuration " + settings.configFile(), e);
        }
    }

    private static void network(Config config, ClusterSettings settings) {
        NetworkConfig network = config.getNetworkConfig();
        if (settings.port() > 0) {
            network.setPort(settings.port()).setPortAutoIncrement(false);
        }
        if (settings.host() != null) {
            network.getInterfaces().setEnabled(true).clear().addInterface(settings.host());
        }
        JoinConfig join = network.getJoin();
        // members are listed, never discovered: no multicast or cloud auto-detection joins a stranger
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        if (!settings.members().isEmpty()) {
            join.getTcpIpConfig().setMembers(settings.members());
        }
        if (settings.host() == null && join.getTcpIpConfig().getMembers().isEmpty()
                && !network.getInterfaces().isEnabled()) {
            // alone, with no address given: nobody else needs to reach this member
            network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            config.setProperty("hazelcast.socket.bind.any", "false");
        }
    }

    private static MapConfig learningMap(ClusterSettings settings) {
        return new MapConfig(ClusterMaps.LEARNING).setBackupCount(settings.backupCount())
                .setMergePolicyConfig(new MergePolicyConfig(MoreTrialsMergePolicy.class.getName(),
                        MergePolicyConfig.DEFAULT_BATCH_SIZE));
    }

    private static MapConfig journalMap(ClusterSettings settings, boolean protect) {
        // the smaller side of a healed split could not write its journal (quorum): its copy is stale
        return new MapConfig(ClusterMaps.JOURNAL).setBackupCount(settings.backupCount())
                .setSplitBrainProtectionName(protect ? ClusterMaps.QUORUM : null)
                .setMergePolicyConfig(new MergePolicyConfig(DiscardMergePolicy.class.getName(),
                        MergePolicyConfig.DEFAULT_BATCH_SIZE));
    }
}
