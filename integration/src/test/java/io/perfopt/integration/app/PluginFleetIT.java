package io.perfopt.integration.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.plugins.BuiltPlugins;
import io.perfopt.integration.testing.SimulatedFleetRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated fleet optimized by strategies that come only from the built plugin files. */
class PluginFleetIT {

    /** The plugins the distribution ships (the documentation's example plugin is not one of them). */
    static final String[] SHIPPED = {"latency-optimizer", "success-rate-optimizer", "coordination-optimizer",
        "predictive-optimizer", "resource-saver", "market-hunter-optimizer", "market-analyzer-optimizer",
        "execution-optimizer"};

    @TempDir
    Path plugins;
    private SimulatedFleetRun run;

    @AfterEach
    void stop() {
        run.close();
    }

    private List<CycleReport> cycles(int count) {
        List<CycleReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reports.add(run.perfopt.cycle(Duration.ofSeconds(10)));
        }
        return reports;
    }

    @Test
    void pluginFilesFixTheFleetAndAgentSpecificPluginsActOnTheirOwnAgentsOnly() throws Exception {
        BuiltPlugins.copy(plugins, SHIPPED);
        run = new SimulatedFleetRun(Map.of("perfopt.plugins.dir", plugins.toString()), null);

        List<CycleReport> reports = cycles(40);

        List<OptimizationStrategy> strategies = reports.stream().flatMap(r -> r.strategies().stream()).toList();
        assertThat(strategies).isNotEmpty();
        assertThat(strategies).extracting(OptimizationStrategy::pluginId).allMatch(id -> Set.of(
                "latency-optimizer", "success-rate-optimizer", "coordination-optimizer", "predictive-optimizer",
                "resource-saver", "market-hunter-optimizer", "market-analyzer-optimizer", "execution-optimizer")
                .contains(id));
        assertThat(strategies).filteredOn(s -> s.pluginId().equals("market-hunter-optimizer"))
                .isNotEmpty().allMatch(s -> s.target().equals("market-hunter"));
        assertThat(reports.stream().flatMap(r -> r.results().stream()))
                .as("a kept change from a plugin file").anyMatch(r -> r.verdict() == Verdict.IMPROVED);
        JsonNode listed = Json.mapper().readTree(run.perfopt.get("/api/plugins").body());
        assertThat(listed.findValuesAsText("id")).contains(SHIPPED);
    }

    @Test
    void removingTheLatencyOptimizerFileStopsItsFixesAndTheApiSaysSo() throws Exception {
        BuiltPlugins.copy(plugins, SHIPPED);
        run = new SimulatedFleetRun(Map.of("perfopt.plugins.dir", plugins.toString()), null);
        assertThat(cycles(6).stream().flatMap(r -> r.strategies().stream()))
                .anyMatch(s -> s.pluginId().equals("latency-optimizer"));

        Files.delete(plugins.resolve("latency-optimizer.zip"));
        var rescan = run.perfopt.post("/api/plugins/rescan", "");

        assertThat(rescan.statusCode()).isEqualTo(200);
        assertThat(rescan.body()).contains("latency-optimizer");
        JsonNode listed = Json.mapper().readTree(run.perfopt.get("/api/plugins").body());
        assertThat(listed.findValuesAsText("id")).doesNotContain("latency-optimizer");
        assertThat(cycles(10).stream().flatMap(r -> r.strategies().stream()))
                .noneMatch(s -> s.pluginId().equals("latency-optimizer"));
    }
}
