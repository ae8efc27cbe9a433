package io.perfopt.integration.plugins;

import java.util.List;

/**
 * What a {@link PluginHost#rescan()} changed.
 *
 * @param loaded   ids of plugins loaded from new files
 * @param reloaded ids of plugins reloaded because their file changed
 * @param unloaded ids of plugins unloaded because their file was removed
 * @param refused  one line per file or plugin that was refused, with the reason
 */
public record RescanResult(List<String> loaded, List<String> reloaded, List<String> unloaded, List<String> refused) {

    public RescanResult {
        loaded = List.copyOf(loaded);
        reloaded = List.copyOf(reloaded);
        unloaded = List.copyOf(unloaded);
        refused = List.copyOf(refused);
    }

    /** Whether nothing changed. */
    public boolean unchanged() {
        return loaded.isEmpty() && reloaded.isEmpty() && unloaded.isEmpty() && refused.isEmpty();
    }
}
