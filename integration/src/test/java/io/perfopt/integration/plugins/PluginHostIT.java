package io.perfopt.integration.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin host with the plugin files the reactor built. */
class PluginHostIT {

    @TempDir
    Path directory;

    private PluginHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    private PluginHost start(String... plugins) {
        BuiltPlugins.copy(directory, plugins);
        host = new PluginHost(directory, "0.1.0-SNAPSHOT").start();
        return host;
    }

    private static List<String> ids(List<OptimizerPlugin> plugins) {
        return plugins.stream().map(OptimizerPlugin::id).toList();
    }

    @Test
    void loadsEveryBuiltPluginFromTheDirectoryWithItsExtensionsAndHandledTypes() {
        start(BuiltPlugins.ALL);

        assertThat(ids(host.all())).containsExactlyInAnyOrder(BuiltPlugins.ALL);
        PluginView latency = host.plugin("latency-optimizer").orElseThrow();
        assertThat(latency.state()).isEqualTo("STARTED");
        assertThat(latency.version()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(latency.requires()).isEqualTo(">=0.1.0");
        assertThat(latency.file()).isEqualTo("latency-optimizer.zip");
        assertThat(latency.extensions()).containsExactly(new ExtensionView("io.perfopt.plugins.latency.LatencyOptimizer",
                "latency-optimizer", Set.of(BottleneckType.RESPONSE_TIME)));
        assertThat(host.plugin("market-hunter-optimizer").orElseThrow().handles())
                .containsExactlyInAnyOrder(BottleneckType.RESPONSE_TIME, BottleneckType.SUCCESS_RATE);
        assertThat(host.list()).extracting(PluginView::error).containsOnlyNulls();
    }

    @Test
    void pluginClassesComeFromThePluginFileNotFromTheHostClassPath() {
        start("latency-optimizer");

        OptimizerPlugin latency = host.all().get(0);

        assertThat(latency.getClass().getClassLoader()).isInstanceOf(org.pf4j.PluginClassLoader.class);
        assertThat(OptimizerPlugin.class.getClassLoader()).isNotInstanceOf(org.pf4j.PluginClassLoader.class);
    }

    @Test
    void aPluginWhoseFileWasRemovedIsUnloadedOnRescan() throws IOException {
        start("latency-optimizer", "resource-saver");
        List<OptimizerPlugin> unloaded = new ArrayList<>();
        host.onUnload(unloaded::add);
        OptimizerPlugin latency = host.all().stream().filter(p -> p.id().equals("latency-optimizer")).findFirst()
                .orElseThrow();

        Files.delete(directory.resolve("latency-optimizer.zip"));
        RescanResult result = host.rescan();

        assertThat(result.unloaded()).containsExactly("latency-optimizer");
        assertThat(ids(host.all())).containsExactly("resource-saver");
        assertThat(unloaded).containsExactly(latency);
        assertThat(host.plugin("latency-optimizer")).isEmpty();
        assertThat(directory.resolve("latency-optimizer")).as("the expanded folder").doesNotExist();
    }

    @Test
    void aFileDroppedIntoTheDirectoryIsLoadedOnRescan() {
        start("latency-optimizer");

        BuiltPlugins.copy(directory, "coordination-optimizer");
        RescanResult result = host.rescan();

        assertThat(result.loaded()).containsExactly("coordination-optimizer");
        assertThat(ids(host.all())).containsExactlyInAnyOrder("latency-optimizer", "coordination-optimizer");
        assertThat(host.rescan().unchanged()).isTrue();
    }

    @Test
    void aReloadHandsOutANewInstanceUnderTheSameIdSoLearningCarriesOver() {
        start("latency-optimizer");
        List<OptimizerPlugin> unloaded = new ArrayList<>();
        host.onUnload(unloaded::add);
        OptimizerPlugin before = host.all().get(0);

        PluginView view = host.reload("latency-optimizer");

        OptimizerPlugin after = host.all().get(0);
        assertThat(view.state()).isEqualTo("STARTED");
        assertThat(after).isNotSameAs(before);
        assertThat(after.getClass().getClassLoader()).isNotSameAs(before.getClass().getClassLoader());
        assertThat(after.id()).isEqualTo(before.id()).isEqualTo("latency-optimizer");
        assertThat(unloaded).containsExactly(before);
    }

    @Test
    void aDisabledPluginIsNotHandedOutUntilEnabledAgain() {
        start("latency-optimizer", "resource-saver");
        List<OptimizerPlugin> unloaded = new ArrayList<>();
        host.onUnload(unloaded::add);

        PluginView disabled = host.disable("resource-saver");

        assertThat(disabled.state()).isEqualTo("DISABLED");
        assertThat(ids(host.all())).containsExactly("latency-optimizer");
        assertThat(ids(unloaded)).containsExactly("resource-saver");

        PluginView enabled = host.enable("resource-saver");

        assertThat(enabled.state()).isEqualTo("STARTED");
        assertThat(ids(host.all())).containsExactlyInAnyOrder("latency-optimizer", "resource-saver");
    }

    @Test
    void aDisabledPluginStaysDisabledWhenPerfoptStartsAgain() {
        start("latency-optimizer", "resource-saver");
        host.disable("resource-saver");
        host.close();

        host = new PluginHost(directory, "0.1.0").start();

        assertThat(host.plugin("resource-saver").orElseThrow().state()).isEqualTo("DISABLED");
        assertThat(ids(host.all())).containsExactly("latency-optimizer");
    }

    @Test
    void theBindingDecidesWhichPluginsActOnWhichAgent() {
        start("latency-optimizer", "resource-saver", "coordination-optimizer");
        host.close();
        host = new PluginHost(directory, "0.1.0",
                (pluginId, agent) -> !(agent.id().equals("hunter-1") && pluginId.equals("resource-saver"))).start();

        assertThat(ids(host.pluginsFor(AgentDescriptor.of("hunter-1", "market-hunter"))))
                .containsExactlyInAnyOrder("latency-optimizer", "coordination-optimizer");
        assertThat(ids(host.pluginsFor(AgentDescriptor.of("analyzer-1", "market-analyzer"))))
                .containsExactlyInAnyOrder("latency-optimizer", "coordination-optimizer", "resource-saver");
    }

    @Test
    void perAgentPluginsServeOnlyTheirAgentClass() {
        start("market-hunter-optimizer", "market-analyzer-optimizer", "execution-optimizer", "latency-optimizer");
        AgentDescriptor hunter = AgentDescriptor.of("hunter-1", "market-hunter");
        AgentDescriptor execution = AgentDescriptor.of("exec-1", "intelligent-execution");

        assertThat(ids(host.pluginsFor(hunter).stream().filter(p -> p.serves(hunter)).toList()))
                .containsExactlyInAnyOrder("market-hunter-optimizer", "latency-optimizer");
        assertThat(ids(host.pluginsFor(execution).stream().filter(p -> p.serves(execution)).toList()))
                .containsExactlyInAnyOrder("execution-optimizer", "latency-optimizer");
    }
}
