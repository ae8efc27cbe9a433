package io.perfopt.integration.plugins;

import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's default manager over one directory, always in deployment mode: plugins come from zip
 * or jar files in that directory, never from the class path or from source folders, whatever
 * the {@code pf4j.mode} system property says. Not thread-safe; {@link PluginHost} serialises
 * every call.
 */
final class DirectoryPluginManager extends DefaultPluginManager {

    DirectoryPluginManager(Path directory, String systemVersion) {
        super(directory);
        setSystemVersion(systemVersion);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    /** The id of the plugin loaded from this file (or from the folder its zip was expanded into). */
    Optional<String> loadedFrom(PluginFile file) {
        return getPlugins().stream()
                .filter(w -> w.getPluginPath().equals(file.path()) || w.getPluginPath().equals(file.expanded()))
                .map(PluginWrapper::getPluginId)
                .findFirst();
    }
}
