package io.perfopt.integration.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.plugins.TestPluginFiles;
import io.perfopt.integration.testing.PerfoptHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perfopt plugins against a node that loads plugin files from its plugin directory. */
class PluginCommandsTest {

    @TempDir
    Path plugins;

    private PerfoptHarness perfopt;

    @BeforeEach
    void start() throws Exception {
        TestPluginFiles.steady(plugins, "steady-one");
        perfopt = new PerfoptHarness(ManualClock.startingAtEpochOf2026(),
                Map.of("perfopt.plugins.dir", plugins.toString()), null, List.of());
    }

    @AfterEach
    void stop() {
        perfopt.close();
    }

    private CliRun cli(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--url", "http://127.0.0.1:" + perfopt.port()));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void listShowsEachPluginWithItsStateAndExtensions() {
        CliRun list = cli("plugins", "list");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).startsWith("PLUGIN").contains("STATE").contains("EXTENSIONS").contains("FAILURES");
        assertThat(lines.get(1)).startsWith("steady-one").contains("1.0.0").contains("STARTED");
    }

    @Test
    void disableEnableAndReloadChangeThePluginWithoutARestart() {
        CliRun disable = cli("plugins", "disable", "steady-one");
        CliRun listed = cli("plugins", "list");
        CliRun enable = cli("plugins", "enable", "steady-one");
        CliRun reload = cli("plugins", "reload", "steady-one");
        CliRun unknown = cli("plugins", "reload", "nothing-like-it");

        assertThat(disable.exitCode()).as(disable.toString()).isZero();
        assertThat(disable.out()).startsWith("plugin steady-one 1.0.0: DISABLED");
        assertThat(listed.out()).contains("DISABLED");
        assertThat(enable.out()).startsWith("plugin steady-one 1.0.0: STARTED, extensions steady-one");
        assertThat(reload.exitCode()).isZero();
        assertThat(reload.out()).contains("STARTED");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("404").contains("nothing-like-it");
    }

    @Test
    void rescanLoadsANewFileAndSaysWhenNothingChanged() {
        TestPluginFiles.steady(plugins, "steady-two");

        CliRun rescan = cli("plugins", "rescan");
        CliRun again = cli("plugins", "rescan");

        assertThat(rescan.exitCode()).as(rescan.toString()).isZero();
        assertThat(rescan.out().strip()).isEqualTo("loaded: steady-two");
        assertThat(again.out().strip()).isEqualTo("nothing changed in the plugin directory");
        assertThat(cli("plugins", "list", "--json").out()).contains("\"steady-two\"");
    }
}
