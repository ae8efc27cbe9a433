package io.perfopt.integration.agents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How perfopt obtains an agent's metrics. */
public enum MetricsFormat {
    /** perfopt polls {@code GET url} for a JSON metrics document. */
    JSON(true),
    /** perfopt scrapes {@code url} for Prometheus text exposition and maps it to perfopt metrics. */
    PROMETHEUS(true),
    /** The agent pushes its documents to perfopt; nothing is polled. */
    PUSH(false),
    /** perfopt runs {@code query} against the Prometheus server at {@code url}. */
    PROMQL(false),
    /** perfopt runs {@code query} against the database at {@code url}. */
    JDBC(false);

    private final boolean pollsAgentUrl;

    MetricsFormat(boolean pollsAgentUrl) {
        this.pollsAgentUrl = pollsAgentUrl;
    }

    /** Whether the format polls an http(s) URL of the agent itself, which is then required. */
    public boolean pollsAgentUrl() {
        return pollsAgentUrl;
    }

    /** The name used in {@code agents.yaml}: {@code json}, {@code prometheus}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of a configuration name, case-insensitive. */
    public static MetricsFormat ofConfigName(String name) {
        for (MetricsFormat format : values()) {
            if (format.configName().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + name + "\"; use one of " + allNames());
    }

    /** {@code json, prometheus, push, promql, jdbc}. */
    public static String allNames() {
        return Arrays.stream(values()).map(MetricsFormat::configName).collect(Collectors.joining(", "));
    }
}
