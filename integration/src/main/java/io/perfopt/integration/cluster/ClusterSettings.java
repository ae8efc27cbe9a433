package io.perfopt.integration.cluster;

import io.perfopt.integration.app.PerfoptSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code perfopt.cluster.*} settings, each optional: a node without any of them is a
 * one-member cluster. Values given here replace those of {@code hazelcast.yaml}.
 *
 * @param name           the cluster name; members of other names never join
 * @param configFile     the Hazelcast YAML file; null: the built-in default
 * @param host           the address to bind and advertise; null: as the YAML says
 * @param port           the member port; 0: as the YAML says (5701, auto-increment)
 * @param members        the other members to join, {@code host:port}; empty: as the YAML says
 * @param minSize        members needed to act (split-brain protection); 0: majority of {@code members}
 * @param backupCount    synchronous backups of the learning and journal maps, at least 1
 * @param ownershipCheck how often ownership is re-evaluated besides membership and migration events
 */
public record ClusterSettings(String name, Path configFile, String host, int port, List<String> members,
                              int minSize, int backupCount, Duration ownershipCheck) {

    /** The name of the built-in default configuration on the classpath. */
    public static final String DEFAULT_CONFIG = "perfopt-defaults/hazelcast.yaml";

    public ClusterSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("perfopt.cluster.name must not be blank");
        }
        members = List.copyOf(members);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("perfopt.cluster.port must be within 0..65535, got " + port);
        }
        if (minSize < 0) {
            throw new IllegalArgumentException("perfopt.cluster.min-size must be 0 (auto) or more, got " + minSize);
        }
        if (backupCount < 1 || backupCount > 6) {
            throw new IllegalArgumentException("perfopt.cluster.backup-count must be within 1..6 (a change "
                    + "awaiting its verdict must survive its member), got " + backupCount);
        }
        if (ownershipCheck.isNegative() || ownershipCheck.isZero()) {
            throw new IllegalArgumentException("perfopt.cluster.ownership-check must be positive, got "
                    + ownershipCheck);
        }
    }

    /** A one-member cluster of that name with the built-in configuration: for tests and embedding. */
    public static ClusterSettings solo(String name) {
        return new ClusterSettings(name, null, null, 0, List.of(), 0, 1, Duration.ofSeconds(10));
    }

    /** The cluster settings of {@code perfopt.cluster.*}; paths are relative to {@code home}. */
    public static ClusterSettings from(PerfoptSettings settings, Path home) {
        Path file = home.resolve(settings.text("perfopt.cluster.config", "conf/hazelcast.yaml"));
        String port = settings.text("perfopt.cluster.port", "0");
        String minSize = settings.text("perfopt.cluster.min-size", "0");
        try {
            return new ClusterSettings(settings.text("perfopt.cluster.name", "perfopt"),
                    Files.isRegularFile(file) ? file : null,
                    settings.text("perfopt.cluster.host", null),
                    Integer.parseInt(port),
                    split(settings.text("perfopt.cluster.members", "")),
                    Integer.parseInt(minSize),
                    Integer.parseInt(settings.text("perfopt.cluster.backup-count", "1")),
                    settings.text("perfopt.cluster.ownership-check", "").isBlank() ? Duration.ofSeconds(10)
                            : settings.duration("perfopt.cluster.ownership-check"));
        } catch (NumberFormatException e) {
            throw new PerfoptSettings.SettingsException("perfopt.cluster.port, min-size and backup-count must be "
                    + "whole numbers: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new PerfoptSettings.SettingsException(e.getMessage());
        }
    }

    /** These settings with another member list (tests start members on free ports). */
    public ClusterSettings withMembers(String newHost, int newPort, List<String> newMembers) {
        return new ClusterSettings(name, configFile, newHost, newPort, newMembers, minSize, backupCount,
                ownershipCheck);
    }

    /** These settings with another minimum size. */
    public ClusterSettings withMinSize(int newMinSize) {
        return new ClusterSettings(name, configFile, host, port, members, newMinSize, backupCount, ownershipCheck);
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
