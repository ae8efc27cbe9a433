package io.perfopt.integration.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.api.spi.OptimizerPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin host with plugin files built by the test itself; {@link PluginHostIT} uses the shipped ones. */
class PluginHostTest {

    @TempDir
    Path directory;

    private PluginHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aPluginJarIsLoadedAsWellAsAZip() {
        BrokenPlugins.steady("zipped").writeZip(directory);
        BrokenPlugins.steady("jarred").writeJar(directory);

        host = new PluginHost(directory, "0.1.0").start();

        assertThat(host.all()).extracting(OptimizerPlugin::id).containsExactlyInAnyOrder("zipped", "jarred");
        assertThat(host.plugin("jarred").orElseThrow().file()).isEqualTo("jarred.jar");
        assertThat(host.plugin("zipped").orElseThrow().file()).isEqualTo("zipped.zip");
    }

    @Test
    void anEmptyOrMissingDirectoryServesNothing() {
        host = new PluginHost(directory.resolve("absent"), "0.1.0").start();

        assertThat(host.all()).isEmpty();
        assertThat(host.list()).isEmpty();
        assertThat(host.rescan().unchanged()).isTrue();
    }

    @Test
    void unknownIdsAreReportedAsSuch() {
        BrokenPlugins.steady("steady").writeZip(directory);
        host = new PluginHost(directory, "0.1.0").start();

        assertThatThrownBy(() -> host.reload("no-such-plugin")).isInstanceOf(UnknownPluginException.class)
                .hasMessage("no plugin no-such-plugin is loaded");
        assertThatThrownBy(() -> host.enable("no-such-plugin")).isInstanceOf(UnknownPluginException.class);
        assertThatThrownBy(() -> host.disable("no-such-plugin")).isInstanceOf(UnknownPluginException.class);
        assertThat(host.plugin("no-such-plugin")).isEmpty();
    }

    @Test
    void aFileReplacedByANewBuildIsReloadedOnRescan() {
        BrokenPlugins.steady("steady").version("1.0.0").writeZip(directory);
        host = new PluginHost(directory, "0.1.0").start();
        OptimizerPlugin before = host.all().get(0);

        BrokenPlugins.steady("steady").version("1.1.0").writeZip(directory);
        RescanResult result = host.rescan();

        assertThat(result.reloaded()).containsExactly("steady");
        assertThat(host.plugin("steady").orElseThrow().version()).isEqualTo("1.1.0");
        assertThat(host.all().get(0)).isNotSameAs(before);
    }

    @Test
    void theSnapshotQualifierOfThePerfoptVersionIsIgnored() {
        assertThat(PluginHost.release("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(PluginHost.release("2.3.4")).isEqualTo("2.3.4");
        assertThatThrownBy(() -> PluginHost.release("latest")).isInstanceOf(IllegalArgumentException.class);
    }
}
