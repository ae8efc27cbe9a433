package io.perfopt.engine.cycle;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.execute.ChangeJournal;
import io.perfopt.engine.execute.InMemoryChangeJournal;
import io.perfopt.engine.execute.VerificationConfig;
import io.perfopt.engine.learn.InMemoryLearningStore;
import io.perfopt.engine.learn.LearningStore;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.engine.testing.FakeFleet;
import io.perfopt.engine.window.WindowConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A loop over fake agents with test-sized timings: detection looks at the last 30 s, a change
 * settles 5 s and is observed 30 s, an agent is stale after 10 s without metrics.
 */
final class LoopHarness {

    final ManualClock clock = ManualClock.startingAtEpochOf2026();
    final FakeFleet fleet = new FakeFleet(clock);
    final ChangeJournal journal;
    final LearningStore learning;
    final List<CycleReport> reports = new ArrayList<>();
    OptimizationLoop loop;

    LoopHarness() {
        this(new InMemoryChangeJournal(), new InMemoryLearningStore());
    }

    LoopHarness(ChangeJournal journal, LearningStore learning) {
        this.journal = journal;
        this.learning = learning;
    }

    static EngineConfig.Builder testConfig() {
        return EngineConfig.builder()
                .window(new WindowConfig(Duration.ofMinutes(5), 10_000))
                .verification(new VerificationConfig(Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofSeconds(30)))
                .detectionWindow(Duration.ofSeconds(30))
                .staleAfter(Duration.ofSeconds(10))
                .pluginTimeout(Duration.ofMillis(300));
    }

    LoopHarness start(OptimizerPlugin... plugins) {
        return start(testConfig().build(), plugins);
    }

    LoopHarness start(EngineConfig config, OptimizerPlugin... plugins) {
        loop = OptimizationLoop.builder().config(config).clock(clock).agents(fleet.directory())
                .plugins(PluginSource.of(List.of(plugins))).actuator(fleet).journal(journal).learning(learning)
                .sink(reports::add).build();
        fleet.feed(loop.metrics());
        return this;
    }

    /** Lets {@code seconds} pass with metrics flowing, then runs a cycle. */
    CycleReport after(int seconds) {
        fleet.run(Duration.ofSeconds(seconds));
        return loop.runCycle();
    }

    List<OptimizationResult> results() {
        return reports.stream().flatMap(r -> r.results().stream()).toList();
    }

    List<String> applied() {
        return reports.stream().flatMap(r -> r.applied().stream()).toList();
    }
}
