package io.perfopt.engine.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.Proposal;
import io.perfopt.engine.testing.ScriptedPlugin;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginIsolationTest {

    private final LoopHarness h = new LoopHarness();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void close() {
        never.countDown();
        h.loop.close();
    }

    private static ScriptedPlugin plugin(String id, java.util.function.Function<io.perfopt.api.spi.PlanningContext,
            List<Proposal>> script) {
        return new ScriptedPlugin(id, Set.of(BottleneckType.RESPONSE_TIME), script);
    }

    /** Three agents, so three planning calls per cycle reach each plugin. */
    private CycleReport planWith(ScriptedPlugin broken) {
        h.fleet.add("a1", 1);
        h.fleet.add("a2", 2);
        h.fleet.add("a3", 3);
        h.start(broken, ScriptedPlugin.scaling("good", "cache.size", 4, 0.1));
        h.after(30);
        return h.after(5);
    }

    @Test
    void aThrowingPluginIsDisabledAfterRepeatedFailuresAndTheOthersStillRun() {
        CycleReport report = planWith(plugin("thrower", ctx -> {
            throw new IllegalStateException("boom");
        }));

        assertThat(report.applied()).hasSize(3);
        assertThat(report.errors()).anyMatch(e -> e.contains("plugin thrower failed on agent a1")
                && e.contains("IllegalStateException: boom"));
        assertThat(h.loop.pluginHealth().get("thrower").enabled()).isFalse();
        assertThat(h.loop.pluginHealth().get("thrower").consecutiveFailures()).isEqualTo(3);
        assertThat(h.loop.pluginHealth().get("good").enabled()).isTrue();
    }

    @Test
    void aHangingPluginIsCutOffByItsTimeLimit() throws Exception {
        CycleReport report = planWith(plugin("hanger", ctx -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }));

        assertThat(report.applied()).hasSize(3);
        assertThat(report.errors()).anyMatch(e -> e.contains("plugin hanger") && e.contains("took longer than 300 ms"));
        assertThat(h.loop.pluginHealth().get("hanger").enabled()).isFalse();
    }

    @Test
    void aPluginProposingAKnobThatDoesNotExistIsRefused() {
        CycleReport report = planWith(plugin("ghost", ctx -> List.of(Proposal.builder("turn a ghost knob")
                .change(new KnobChange("turbo.mode", 0, 1)).build())));

        assertThat(report.strategies()).noneMatch(s -> s.pluginId().equals("ghost"));
        assertThat(report.errors()).anyMatch(e -> e.contains("knob turbo.mode does not exist"));
        assertThat(h.loop.pluginHealth().get("ghost").enabled()).isFalse();
    }

    @Test
    void aPluginProposingAValueOutOfRangeIsRefused() {
        CycleReport report = planWith(plugin("overreach", ctx -> List.of(Proposal.builder("cache to the moon")
                .change(new KnobChange("cache.size", 100, 1_000_000)).build())));

        assertThat(report.strategies()).noneMatch(s -> s.pluginId().equals("overreach"));
        assertThat(report.errors()).anyMatch(e -> e.contains("value 1000000 is outside cache.size's range 0..5000"));
    }

    @Test
    void aDisabledPluginCanBeEnabledAgain() {
        planWith(plugin("thrower", ctx -> {
            throw new IllegalStateException("boom");
        }));

        h.loop.enablePlugin("thrower");

        assertThat(h.loop.pluginHealth().get("thrower").enabled()).isTrue();
        assertThat(h.loop.pluginHealth().get("thrower").totalFailures()).isEqualTo(3);
    }
}
