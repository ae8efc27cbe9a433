package io.perfopt.integration.plugins;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's bookkeeping around PF4J: which file each plugin came from, which files were
 * refused and why, which extensions each started plugin hands out. Every transition logs one
 * line with the plugin id and the reason. Not thread-safe: {@link PluginHost} holds its lock
 * around every call.
 */
final class PluginLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final DirectoryPluginManager manager;
    private final ExtensionProbe probe;
    private final String systemVersion;
    private final Consumer<OptimizerPlugin> onUnload;
    private final Map<String, PluginFile> files = new LinkedHashMap<>();
    private final Map<Path, Refusal> refused = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, List<HostedExtension>> serving = new TreeMap<>();

    /** A file that could not be loaded, as it was when it was tried. */
    private record Refusal(PluginFile file, String reason) {
    }

    PluginLifecycle(DirectoryPluginManager manager, ExtensionProbe probe, String systemVersion,
                    Consumer<OptimizerPlugin> onUnload) {
        this.manager = manager;
        this.probe = probe;
        this.systemVersion = systemVersion;
        this.onUnload = onUnload;
    }

    /** Loads a file and starts its plugin unless disabled; returns the plugin id, or empty when refused. */
    Optional<String> load(PluginFile file) {
        Optional<String> problem = file.problem();
        if (problem.isPresent()) {
            return refuse(file, problem.get());
        }
        // a folder left from an earlier expansion could be stale: PF4J expands the zip afresh
        file.deleteExpanded();
        String id;
        try {
            id = manager.loadPlugin(file.path());
        } catch (RuntimeException e) {
            manager.loadedFrom(file).ifPresent(manager::unloadPlugin);
            return refuse(file, "PF4J could not load it: " + e.getMessage());
        }
        refused.remove(file.path());
        files.put(id, file);
        PluginWrapper plugin = manager.getPlugin(id);
        if (plugin.getPluginState() == PluginState.DISABLED) {
            if (plugin.getFailedException() != null) {
                String why = "it requires perfopt " + plugin.getDescriptor().getRequires() + " and this is "
                        + systemVersion;
                errors.put(id, why);
                log.warn("plugin {} from {} refused: {}", label(plugin), file.name(), why);
            } else {
                log.info("plugin {} loaded from {} but disabled (listed in disabled.txt of the plugin directory)",
                        label(plugin), file.name());
            }
            return Optional.of(id);
        }
        start(id);
        return Optional.of(id);
    }

    /** Starts a loaded plugin, asks its extensions who they are and hands them out; false when refused. */
    boolean start(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        PluginState state = manager.startPlugin(id);
        if (!state.isStarted()) {
            return fail(plugin, "it did not start: " + plugin.getFailedException());
        }
        List<OptimizerPlugin> extensions = manager.getExtensions(OptimizerPlugin.class, id);
        if (extensions.isEmpty()) {
            return fail(plugin, "it has no OptimizerPlugin extension (compiled without the pf4j annotation "
                    + "processor, so no META-INF/extensions.idx? or with optimizer-api bundled instead of provided?)");
        }
        List<HostedExtension> hosted = new ArrayList<>();
        for (OptimizerPlugin extension : extensions) {
            HostedExtension identity;
            try {
                identity = probe.identify(extension);
            } catch (ExtensionProbe.ProbeFailure e) {
                return fail(plugin, e.getMessage());
            }
            Optional<String> owner = ownerOf(identity.id(), hosted);
            if (owner.isPresent()) {
                return fail(plugin, "its extension id " + identity.id() + " is already served by plugin "
                        + owner.get() + "; learning would mix them up");
            }
            hosted.add(identity);
        }
        serving.put(id, List.copyOf(hosted));
        errors.remove(id);
        log.info("plugin {} started from {}: {}", label(plugin), files.get(id).name(), hosted.stream()
                .map(h -> h.id() + " (" + h.className() + ", handles " + h.handles() + ")").toList());
        return true;
    }

    /** Stops handing out the plugin's extensions and tells the listeners, before PF4J stops it. */
    void withdraw(String id) {
        List<HostedExtension> withdrawn = serving.remove(id);
        if (withdrawn != null) {
            withdrawn.forEach(h -> onUnload.accept(h.instance()));
        }
    }

    /** Withdraws, stops and unloads the plugin and deletes its expanded folder. */
    void unload(String id, String reason) {
        withdraw(id);
        PluginFile file = files.remove(id);
        errors.remove(id);
        try {
            manager.unloadPlugin(id);
        } catch (RuntimeException e) {
            log.warn("plugin {} did not unload cleanly: {}", id, e.toString());
        }
        if (file != null) {
            file.deleteExpanded();
        }
        log.info("plugin {} unloaded: {}", id, reason);
    }

    /** The extensions handed out now, ordered by plugin id. */
    List<HostedExtension> serving() {
        return serving.values().stream().flatMap(List::stream).toList();
    }

    /** The plugin ids loaded, with the file each came from. */
    Map<String, PluginFile> files() {
        return Map.copyOf(files);
    }

    /** The files that were refused, as they were when tried. */
    Map<Path, PluginFile> refusedFiles() {
        Map<Path, PluginFile> copy = new LinkedHashMap<>();
        refused.forEach((path, r) -> copy.put(path, r.file()));
        return copy;
    }

    /** Forgets a refused file that is gone. */
    void forgetRefused(Path path) {
        refused.remove(path);
    }

    /** Why the plugin does not run, if it does not. */
    Optional<String> error(String id) {
        return Optional.ofNullable(errors.get(id));
    }

    /** Every plugin and refused file, by id. */
    List<PluginView> views() {
        List<PluginView> views = new ArrayList<>();
        manager.getPlugins().forEach(p -> views.add(view(p)));
        refused.values().forEach(r -> views.add(new PluginView(r.file().name(), null, null, "", null, "FAILED",
                r.file().name(), List.of(), Set.of(), r.reason())));
        views.sort(Comparator.comparing(PluginView::id));
        return views;
    }

    /** The view of one loaded plugin. */
    PluginView view(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        PluginDescriptor d = plugin.getDescriptor();
        List<HostedExtension> hosted = serving.getOrDefault(id, List.of());
        Set<BottleneckType> handles = EnumSet.noneOf(BottleneckType.class);
        hosted.forEach(h -> handles.addAll(h.handles()));
        String error = errors.get(id);
        PluginFile file = files.get(id);
        return new PluginView(id, d.getVersion(), d.getProvider(), d.getPluginDescription(), d.getRequires(),
                stateOf(plugin, error), file == null ? plugin.getPluginPath().getFileName().toString() : file.name(),
                hosted.stream().map(HostedExtension::view).toList(), handles, error);
    }

    private static String stateOf(PluginWrapper plugin, String error) {
        return switch (plugin.getPluginState()) {
            case STARTED -> "STARTED";
            case DISABLED -> "DISABLED";
            case FAILED -> "FAILED";
            default -> error != null ? "FAILED" : "STOPPED";
        };
    }

    private Optional<String> ownerOf(String extensionId, List<HostedExtension> sameAlready) {
        if (sameAlready.stream().anyMatch(h -> h.id().equals(extensionId))) {
            return Optional.of("itself (twice)");
        }
        return serving.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(h -> h.id().equals(extensionId)))
                .map(Map.Entry::getKey).findFirst();
    }

    private boolean fail(PluginWrapper plugin, String why) {
        String id = plugin.getPluginId();
        errors.put(id, why);
        if (plugin.getPluginState().isStarted()) {
            manager.stopPlugin(id);
        }
        log.warn("plugin {} from {} refused: {}", label(plugin), files.get(id).name(), why);
        return false;
    }

    private Optional<String> refuse(PluginFile file, String why) {
        refused.put(file.path(), new Refusal(file, why));
        log.warn("plugin file {} refused: {}", file.name(), why);
        return Optional.empty();
    }

    private static String label(PluginWrapper plugin) {
        return plugin.getPluginId() + "@" + plugin.getDescriptor().getVersion();
    }
}
