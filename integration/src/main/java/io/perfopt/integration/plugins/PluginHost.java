package io.perfopt.integration.plugins;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.engine.plan.PluginSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimizer plugins of one directory, for the engine: PF4J in deployment mode over that
 * directory only (nothing from the class path), with perfopt's version as the system version so
 * that a plugin whose {@code Plugin-Requires} this version does not meet is refused.
 *
 * <p>{@link #all()} hands out the {@code OptimizerPlugin} extensions of the started plugins;
 * {@link #pluginsFor} narrows them per agent with the binding from {@code conf/agents.yaml}.
 * {@link #enable}, {@link #disable}, {@link #reload} and {@link #rescan} change the set while
 * perfopt runs. Learning is keyed by each extension's {@code id()} and held by the engine, so a
 * reloaded plugin finds its learning where it left it.
 *
 * <p>Thread-safe: the cycle thread reads {@link #all()} (a snapshot, without locking) while an
 * API call reloads; changes are serialised. Every extension the host stops handing out (disabled,
 * reloaded, removed, closed) is passed to the {@link #onUnload} listeners, e.g. the engine's
 * {@code forgetPlugin}. A cycle already holding the old instance finishes with it; a call into
 * an unloaded plugin's class loader fails and is isolated by the engine like any plugin failure.
 */
public final class PluginHost implements PluginSource, AutoCloseable {

    /** How long a starting extension may take to say its id and handled types. */
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);
    private static final Pattern RELEASE = Pattern.compile("^(\\d+\\.\\d+\\.\\d+)");

    private final Path directory;
    private final String systemVersion;
    private final BiPredicate<String, AgentDescriptor> binding;
    private final DirectoryPluginManager manager;
    private final ExtensionProbe probe;
    private final PluginLifecycle lifecycle;
    private final List<Consumer<OptimizerPlugin>> unloadListeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile List<HostedExtension> serving = List.of();

    /** The plugins of {@code directory}, for every agent. */
    public PluginHost(Path directory, String perfoptVersion) {
        this(directory, perfoptVersion, (pluginId, agent) -> true);
    }

    /**
     * The plugins of {@code directory}, bound per agent.
     *
     * @param perfoptVersion the running perfopt's version; a qualifier such as {@code -SNAPSHOT} is ignored
     * @param binding        whether the extension of that {@code id()} may act on the agent
     */
    public PluginHost(Path directory, String perfoptVersion, BiPredicate<String, AgentDescriptor> binding) {
        this(directory, perfoptVersion, binding, DEFAULT_PROBE_TIMEOUT);
    }

    /** As above, with the time a starting extension may take to say who it is. */
    public PluginHost(Path directory, String perfoptVersion, BiPredicate<String, AgentDescriptor> binding,
                      Duration probeTimeout) {
        this.directory = directory.toAbsolutePath().normalize();
        this.systemVersion = release(perfoptVersion);
        this.binding = binding;
        this.manager = new DirectoryPluginManager(this.directory, systemVersion);
        this.probe = new ExtensionProbe(probeTimeout);
        this.lifecycle = new PluginLifecycle(manager, probe, systemVersion, this::unloaded);
    }

    /** Loads and starts every plugin file of the directory; returns this. */
    public PluginHost start() {
        RescanResult first = rescan();
        log.info("plugin host over {} (perfopt {}): {} plugin(s) loaded, {} refused", directory, systemVersion,
                first.loaded().size(), first.refused().size());
        return this;
    }

    /** Calls {@code listener} with every extension instance the host stops handing out. */
    public void onUnload(Consumer<OptimizerPlugin> listener) {
        unloadListeners.add(listener);
    }

    @Override
    public List<OptimizerPlugin> all() {
        return serving.stream().map(HostedExtension::instance).toList();
    }

    @Override
    public List<OptimizerPlugin> pluginsFor(AgentDescriptor agent) {
        return serving.stream().filter(h -> binding.test(h.id(), agent)).map(HostedExtension::instance).toList();
    }

    /** Every loaded plugin and every refused file, by id, for {@code GET /api/plugins}. */
    public List<PluginView> list() {
        synchronized (lock) {
            return lifecycle.views();
        }
    }

    /** One loaded plugin. */
    public Optional<PluginView> plugin(String id) {
        synchronized (lock) {
            return Optional.ofNullable(manager.getPlugin(id)).map(lifecycle::view);
        }
    }

    /**
     * Enables a disabled plugin (remembered in {@code disabled.txt} of the directory) and starts
     * it; starts again a plugin that stopped or failed.
     *
     * @throws UnknownPluginException when no plugin of that id is loaded
     * @throws IllegalStateException  when it cannot run here, e.g. it requires a newer perfopt
     */
    public PluginView enable(String id) {
        synchronized (lock) {
            PluginWrapper plugin = loaded(id);
            if (plugin.getPluginState() == PluginState.DISABLED && !manager.enablePlugin(id)) {
                throw new IllegalStateException("plugin " + id + " cannot be enabled: "
                        + lifecycle.error(id).orElse("PF4J refused it"));
            }
            if (!plugin.getPluginState().isStarted() && lifecycle.start(id)) {
                publish();
                log.info("plugin {} enabled", id);
            }
            return lifecycle.view(plugin);
        }
    }

    /**
     * Stops a plugin and keeps it stopped, across restarts too ({@code disabled.txt}).
     *
     * @throws UnknownPluginException when no plugin of that id is loaded
     */
    public PluginView disable(String id) {
        synchronized (lock) {
            PluginWrapper plugin = loaded(id);
            lifecycle.withdraw(id);
            publish();
            try {
                manager.disablePlugin(id);
                log.info("plugin {} disabled", id);
            } catch (PluginRuntimeException e) {
                // PF4J has stopped and disabled it already; only remembering it failed
                log.warn("plugin {} disabled until perfopt restarts: cannot write disabled.txt in {}: {}", id,
                        directory, e.getMessage());
            }
            return lifecycle.view(plugin);
        }
    }

    /**
     * Stops, unloads, loads and starts the plugin's file again, e.g. after it was replaced by a
     * new build of the same name.
     *
     * @return the plugin loaded from the file now
     * @throws UnknownPluginException when no plugin of that id is loaded, or its file is gone
     */
    public PluginView reload(String id) {
        synchronized (lock) {
            loaded(id);
            PluginFile before = lifecycle.files().get(id);
            lifecycle.unload(id, "reload asked");
            publish();
            Optional<PluginFile> now = before == null ? Optional.empty() : PluginFile.of(before.path());
            if (now.isEmpty()) {
                throw new UnknownPluginException(id);
            }
            Optional<String> reloaded = lifecycle.load(now.get());
            publish();
            return reloaded.map(manager::getPlugin).map(lifecycle::view)
                    .orElseGet(() -> lifecycle.views().stream().filter(v -> v.file().equals(now.get().name()))
                            .findFirst().orElseThrow());
        }
    }

    /**
     * Looks at the directory again: loads new files, reloads changed ones, unloads plugins whose
     * file was removed, retries refused files that changed.
     */
    public RescanResult rescan() {
        synchronized (lock) {
            RescanResult result = new DirectoryRescan(lifecycle).run(directory);
            publish();
            return result;
        }
    }

    /** The directory plugins are loaded from. */
    public Path directory() {
        return directory;
    }

    /** The version {@code Plugin-Requires} is checked against. */
    public String systemVersion() {
        return systemVersion;
    }

    /** Withdraws and unloads every plugin. */
    @Override
    public void close() {
        synchronized (lock) {
            lifecycle.files().keySet().forEach(id -> lifecycle.unload(id, "perfopt is stopping"));
            publish();
            probe.close();
        }
    }

    private PluginWrapper loaded(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        if (plugin == null) {
            throw new UnknownPluginException(id);
        }
        return plugin;
    }

    private void publish() {
        serving = lifecycle.serving();
    }

    private void unloaded(OptimizerPlugin instance) {
        for (Consumer<OptimizerPlugin> listener : unloadListeners) {
            try {
                listener.accept(instance);
            } catch (RuntimeException e) {
                log.warn("an unload listener failed for {}: {}", instance.getClass().getName(), e.toString());
            }
        }
    }

    /** "0.1.0-SNAPSHOT" → "0.1.0": a snapshot of a release satisfies what the release does. */
    static String release(String version) {
        Matcher m = RELEASE.matcher(version == null ? "" : version.trim());
        if (!m.find()) {
            throw new IllegalArgumentException("perfopt version must start with major.minor.patch, got " + version);
        }
        return m.group(1);
    }
}
