package io.perfopt.integration.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.api.spi.OptimizerPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin files that are wrong in every way a file can be: the host refuses them, the others run. */
class BrokenPluginFilesTest {

    @TempDir
    Path directory;

    private PluginHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    private PluginHost start() {
        BrokenPlugins.steady("steady").writeZip(directory);
        host = new PluginHost(directory, "0.1.0-SNAPSHOT", (id, agent) -> true, Duration.ofMillis(500)).start();
        return host;
    }

    private List<String> served() {
        return host.all().stream().map(OptimizerPlugin::id).toList();
    }

    @Test
    void aPluginRequiringANewerPerfoptIsRefusedAndShownDisabledWithTheReason() {
        PluginFileBuilder.optimizer("from-the-future", "FromTheFuture",
                "public List<Proposal> propose(PlanningContext c) { return List.of(); }")
                .requires(">=9.0.0").writeZip(directory);

        start();

        PluginView future = host.plugin("from-the-future").orElseThrow();
        assertThat(future.state()).isEqualTo("DISABLED");
        assertThat(future.error()).isEqualTo("it requires perfopt >=9.0.0 and this is 0.1.0");
        assertThat(served()).containsExactly("steady");
        assertThatThrownBy(() -> host.enable("from-the-future")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requires perfopt >=9.0.0");
    }

    @Test
    void aCorruptZipIsRefusedWithoutHarmingTheOthers() {
        PluginFileBuilder.writeCorrupt(directory, "corrupt.zip");

        start();

        PluginView corrupt = host.list().stream().filter(v -> v.file().equals("corrupt.zip")).findFirst()
                .orElseThrow();
        assertThat(corrupt.state()).isEqualTo("FAILED");
        assertThat(corrupt.error()).startsWith("it is not a readable zip");
        assertThat(served()).containsExactly("steady");
    }

    @Test
    void aZipWithoutPluginDescriptorIsRefused() throws Exception {
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(
                directory.resolve("holiday-photos.zip")))) {
            out.putNextEntry(new java.util.zip.ZipEntry("beach.jpg"));
            out.closeEntry();
        }

        RescanResult result = start().rescan();

        assertThat(result.unchanged()).as("a refused file is not retried until it changes").isTrue();
        assertThat(host.list()).filteredOn(v -> v.file().equals("holiday-photos.zip")).singleElement()
                .satisfies(v -> assertThat(v.error()).contains("neither classes/META-INF/MANIFEST.MF"));
    }

    @Test
    void aPluginWhoseIdThrowsIsRefusedAtLoad() {
        PluginFileBuilder.plugin("nameless").source("test.plugins.Nameless", """
                package test.plugins;
                import io.perfopt.api.optimization.BottleneckType;
                import io.perfopt.api.spi.*;
                import java.util.*;
                @org.pf4j.Extension
                public class Nameless implements OptimizerPlugin {
                    public String id() { throw new IllegalStateException("who am I"); }
                    public Set<BottleneckType> handles() { return Set.of(BottleneckType.RESPONSE_TIME); }
                    public List<Proposal> propose(PlanningContext c) { return List.of(); }
                }
                """).writeZip(directory);

        start();

        PluginView nameless = host.plugin("nameless").orElseThrow();
        assertThat(nameless.state()).isEqualTo("FAILED");
        assertThat(nameless.error()).contains("test.plugins.Nameless threw java.lang.IllegalStateException: who am I");
        assertThat(served()).containsExactly("steady");
    }

    @Test
    void aPluginThatHangsWhenAskedItsIdIsRefusedWithinTheProbeTimeLimit() {
        PluginFileBuilder.plugin("mute").source("test.plugins.Mute", """
                package test.plugins;
                import io.perfopt.api.optimization.BottleneckType;
                import io.perfopt.api.spi.*;
                import java.util.*;
                @org.pf4j.Extension
                public class Mute implements OptimizerPlugin {
                    public String id() {
                        try { new java.util.concurrent.CountDownLatch(1).await(); } catch (InterruptedException e) { }
                        return "mute";
                    }
                    public Set<BottleneckType> handles() { return Set.of(BottleneckType.RESPONSE_TIME); }
                    public List<Proposal> propose(PlanningContext c) { return List.of(); }
                }
                """).writeZip(directory);

        start();

        assertThat(host.plugin("mute").orElseThrow().error()).isEqualTo(
                "test.plugins.Mute did not tell its id within 500 ms");
        assertThat(served()).containsExactly("steady");
    }

    /** Files load in name order, so the first to claim an id keeps it. */
    @Test
    void aSecondPluginClaimingAnIdAlreadyServedIsRefused() {
        PluginFileBuilder.optimizer("tribute", "Copycat", """
                public String toString() { return "copycat"; }
                public List<Proposal> propose(PlanningContext c) { return List.of(); }
                """).source("test.plugins.Copycat2", """
                package test.plugins;
                import io.perfopt.api.optimization.BottleneckType;
                import io.perfopt.api.spi.*;
                import java.util.*;
                @org.pf4j.Extension
                public class Copycat2 implements OptimizerPlugin {
                    public String id() { return "steady"; }
                    public Set<BottleneckType> handles() { return Set.of(BottleneckType.RESPONSE_TIME); }
                    public List<Proposal> propose(PlanningContext c) { return List.of(); }
                }
                """).writeZip(directory);

        start();

        assertThat(host.plugin("tribute").orElseThrow().error())
                .contains("extension id steady is already served by plugin steady");
        assertThat(served()).containsExactly("steady");
    }

    @Test
    void aPluginWithoutExtensionIndexServesNothingAndSaysWhy() {
        PluginFileBuilder.plugin("unindexed").source("test.plugins.Plain", """
                package test.plugins;
                public class Plain { }
                """).writeZip(directory);

        start();

        PluginView unindexed = host.plugin("unindexed").orElseThrow();
        assertThat(unindexed.state()).isEqualTo("FAILED");
        assertThat(unindexed.error()).startsWith("it has no OptimizerPlugin extension");
    }

    @Test
    void pluginsThatMisbehaveOnlyWhenProposingAreLoadedForTheEngineToCutOff() {
        BrokenPlugins.writeAll(directory);

        start();

        assertThat(served()).containsExactlyInAnyOrder("steady", "thrower", "hanger", "ghost", "overreach");
    }

    @Test
    void aRefusedFileThatIsFixedIsLoadedOnTheNextRescan() {
        PluginFileBuilder.writeCorrupt(directory, "thrower.zip");
        start();

        BrokenPlugins.thrower().writeZip(directory);
        RescanResult result = host.rescan();

        assertThat(result.loaded()).containsExactly("thrower");
        assertThat(host.list()).extracting(PluginView::file).doesNotHaveDuplicates();
    }
}
