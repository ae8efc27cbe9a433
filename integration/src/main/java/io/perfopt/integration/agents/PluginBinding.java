package io.perfopt.integration.agents;

import java.util.HashSet;
import java.util.Set;

/**
 * Which optimizer plugins may act on an agent: those in {@code include} (all when it is empty)
 * except those in {@code exclude}.
 *
 * @param include plugin ids allowed; empty for all
 * @param exclude plugin ids never allowed
 */
public record PluginBinding(Set<String> include, Set<String> exclude) {

    public PluginBinding {
        include = include == null ? Set.of() : Set.copyOf(include);
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
        Set<String> both = new HashSet<>(include);
        both.retainAll(exclude);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("plugins " + both + " are both included and excluded");
        }
    }

    /** Every plugin. */
    public static PluginBinding all() {
        return new PluginBinding(Set.of(), Set.of());
    }

    /** Whether the plugin may act on the agent. */
    public boolean allows(String pluginId) {
        return (include.isEmpty() || include.contains(pluginId)) && !exclude.contains(pluginId);
    }
}
