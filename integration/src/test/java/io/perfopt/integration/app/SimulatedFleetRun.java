package io.perfopt.integration.app;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.ControlEndpoint;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.simulator.SimulatedFleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated fleet and perfopt in one JVM over real loopback HTTP, on one manual clock: each
 * {@link #cycle(Duration)} lets simulated time pass, then runs a cycle that polls every agent
 * first. Test-sized timings: detection looks at 30 s, a change settles 5 s and is observed 30 s.
 */
final class SimulatedFleetRun implements AutoCloseable {

    final ManualClock clock = ManualClock.startingAtEpochOf2026();
    final SimulatedFleet fleet;
    final PerfoptApplication perfopt;
    final List<CycleReport> reports = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port = FreePort.pick();

    SimulatedFleetRun(Map<String, String> overrides, List<OptimizerPlugin> plugins) throws Exception {
        fleet = SimulatedFleet.demo(clock, 42);
        fleet.start(0);
        Map<String, String> settings = new HashMap<>(Map.of(
                "perfopt.api.port", String.valueOf(port),
                "perfopt.cycle.enabled", "false",
                "perfopt.collect.scheduled", "false",
                "perfopt.collect.on-cycle", "true",
                "perfopt.detection.window", "30s",
                "perfopt.verification.settle", "5s",
                "perfopt.verification.window", "30s",
                "perfopt.verification.grace", "30s",
                "perfopt.agents.stale-after", "60s",
                "perfopt.window.max-age", "5m"));
        settings.put("perfopt.agents.file", "does-not-exist.yaml");
        settings.putAll(overrides);
        var builder = PerfoptApplication.builder().clock(clock)
                .settings(PerfoptSettings.defaultsOnly().with(settings))
                .plugins(PluginSource.of(plugins)).sink(reports::add);
        fleet.agents().forEach(agent -> builder.agent(AgentConfig.of(agent.id(),
                        MetricsSource.json(fleet.metricsUri(agent.id())))
                .withControl(new ControlEndpoint(fleet.controlUri(agent.id()), fleet.tokens().get(agent.id()),
                        Duration.ofSeconds(2)))));
        perfopt = builder.build().start();
    }

    /** Lets {@code time} pass in the fleet, then runs a cycle. */
    CycleReport cycle(Duration time) {
        clock.advance(time);
        return perfopt.loop().runCycle();
    }

    /** GET of an API path; returns status and body. */
    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a JSON body to an API path. */
    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        perfopt.close();
        fleet.close();
    }
}
