package io.perfopt.integration.plugins;

import io.perfopt.api.optimization.BottleneckType;
import java.util.List;
import java.util.Set;

/**
 * One plugin (or one refused plugin file) as {@code GET /api/plugins} shows it. The caller adds
 * trials and success rates from the learning store, by {@link ExtensionView#optimizerId()}.
 *
 * @param id          the PF4J plugin id ({@code Plugin-Id}); the file name for a file that could not be read
 * @param version     {@code Plugin-Version}; null when unknown
 * @param provider    {@code Plugin-Provider}; null when unknown
 * @param description {@code Plugin-Description}; empty when none
 * @param requires    {@code Plugin-Requires}, the perfopt versions it runs on; null when unknown
 * @param state       {@code STARTED}, {@code DISABLED} (by command, or refused for its version), {@code FAILED}
 *                    (it could not be read, started or asked who it is) or {@code STOPPED}
 * @param file        the plugin file's name in the plugin directory
 * @param extensions  the extensions handed to the engine; empty unless started
 * @param handles     every bottleneck type its extensions handle
 * @param error       why it does not run, one sentence; null when it runs
 */
public record PluginView(String id, String version, String provider, String description, String requires,
                         String state, String file, List<ExtensionView> extensions, Set<BottleneckType> handles,
                         String error) {

    public PluginView {
        extensions = List.copyOf(extensions);
        handles = Set.copyOf(handles);
    }

    /** Whether its extensions are handed to the engine. */
    public boolean started() {
        return "STARTED".equals(state);
    }
}
