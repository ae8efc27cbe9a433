package io.perfopt.integration.agents;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One agent of the fleet, as an entry of {@code conf/agents.yaml} or a run-time registration
 * declares it (see {@link AgentsFile} for the schema).
 *
 * @param id         unique, {@code [A-Za-z0-9._-]+}
 * @param agentClass the kind of agent; {@code generic} when none is declared
 * @param tags       free labels
 * @param metrics    how its metrics are obtained
 * @param control    where its knobs are changed; null for an agent perfopt only observes
 * @param thresholds per-agent detection threshold overrides, names from {@link ThresholdOverrides#NAMES}
 * @param plugins    which plugins may act on it
 */
public record AgentConfig(String id, String agentClass, Set<String> tags, MetricsSource metrics,
                          ControlEndpoint control, Map<String, Double> thresholds, PluginBinding plugins) {

    /** The characters an agent id may hold: it appears in URLs, file names and log lines. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    public AgentConfig {
        checkId(id);
        agentClass = agentClass == null || agentClass.isBlank() ? AgentDescriptor.GENERIC_CLASS : agentClass;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        Require.notNull("metrics of agent " + id, metrics);
        thresholds = thresholds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        thresholds.forEach(ThresholdOverrides::check);
        plugins = plugins == null ? PluginBinding.all() : plugins;
    }

    /** An observe-only agent of the generic class. */
    public static AgentConfig of(String id, MetricsSource metrics) {
        return new AgentConfig(id, null, Set.of(), metrics, null, Map.of(), PluginBinding.all());
    }

    /** This agent with a control endpoint. */
    public AgentConfig withControl(ControlEndpoint newControl) {
        return new AgentConfig(id, agentClass, tags, metrics, newControl, thresholds, plugins);
    }

    /** Whether perfopt can change the agent's knobs. */
    public boolean hasControl() {
        return control != null;
    }

    /** What plugins see of the agent. */
    public AgentDescriptor descriptor() {
        return new AgentDescriptor(id, agentClass, tags);
    }

    /** Throws unless {@code id} is a valid agent id. */
    public static String checkId(String id) {
        Require.notBlank("agent id", id);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("agent id \"" + id + "\" may hold only letters, digits, '.', '_' "
                    + "and '-'");
        }
        return id;
    }
}
