package io.perfopt.integration.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.cycle.EngineConfig;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.execute.VerificationConfig;
import io.perfopt.engine.window.WindowConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real plugin files, loaded by the host, planned with by the engine's loop over three slow
 * in-memory agents: the misbehaving ones are cut off, the good one gets its changes applied.
 */
class PluginFilesInTheLoopIT {

    @TempDir
    Path directory;

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private final SlowFleet fleet = new SlowFleet(clock, "a1", "a2", "a3");
    private final List<CycleReport> reports = new ArrayList<>();
    private PluginHost host;
    private OptimizationLoop loop;

    @AfterEach
    void close() {
        loop.close();
        host.close();
    }

    private void start() {
        host = new PluginHost(directory, "0.1.0").start();
        EngineConfig config = EngineConfig.builder()
                .window(new WindowConfig(Duration.ofMinutes(5), 10_000))
                .verification(new VerificationConfig(Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofSeconds(30)))
                .detectionWindow(Duration.ofSeconds(30))
                .staleAfter(Duration.ofSeconds(10))
                .pluginTimeout(Duration.ofMillis(300))
                .build();
        loop = OptimizationLoop.builder().config(config).clock(clock).agents(fleet.directory()).plugins(host)
                .actuator(fleet).sink(reports::add).build();
        host.onUnload(loop::forgetPlugin);
        fleet.feed(loop.metrics());
    }

    private CycleReport after(int seconds) {
        fleet.run(Duration.ofSeconds(seconds));
        return loop.runCycle();
    }

    @Test
    void misbehavingPluginFilesAreCutOffWhileTheGoodOneGetsItsChangesApplied() {
        BuiltPlugins.copy(directory, "latency-optimizer");
        BrokenPlugins.writeAll(directory);
        start();

        after(30);
        CycleReport report = after(5);

        assertThat(report.applied()).hasSize(3);
        assertThat(report.strategies()).filteredOn(s -> report.applied().contains(s.id()))
                .extracting(OptimizationStrategy::pluginId).containsOnly("latency-optimizer");
        assertThat(fleet.applied()).hasSize(3).anyMatch(c -> c.startsWith("a1:")).anyMatch(c -> c.startsWith("a2:"))
                .anyMatch(c -> c.startsWith("a3:"));
        assertThat(report.errors())
                .anyMatch(e -> e.contains("plugin thrower failed on agent a1") && e.contains("boom"))
                .anyMatch(e -> e.contains("plugin hanger failed") && e.contains("took longer than 300 ms"))
                .anyMatch(e -> e.contains("plugin ghost failed") && e.contains("knob turbo.mode does not exist"))
                .anyMatch(e -> e.contains("plugin overreach failed")
                        && e.contains("value 1000000 is outside cache.size's range 0..5000"));
        assertThat(loop.pluginHealth()).hasEntrySatisfying("latency-optimizer", h -> assertThat(h.enabled()).isTrue());
        for (String broken : List.of("thrower", "hanger", "ghost", "overreach")) {
            assertThat(loop.pluginHealth().get(broken).enabled()).as(broken + " cut off").isFalse();
        }
    }

    @Test
    void aReloadedPluginKeepsWhatTheEngineLearnedUnderItsId() {
        BuiltPlugins.copy(directory, "latency-optimizer");
        start();
        after(30);
        after(5);
        after(40);
        List<ActionKey> learned = loop.learning().snapshot().keySet().stream()
                .filter(k -> k.pluginId().equals("latency-optimizer")).toList();
        assertThat(learned).as("verdicts learned before the reload").isNotEmpty();

        host.reload("latency-optimizer");
        CycleReport next = after(5);

        assertThat(loop.learning().snapshot().keySet()).containsAll(learned);
        assertThat(next.strategies()).extracting(OptimizationStrategy::pluginId).contains("latency-optimizer");
    }
}
