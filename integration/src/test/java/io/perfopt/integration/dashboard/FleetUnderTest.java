package io.perfopt.integration.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.integration.testing.FleetAgents;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.integration.testing.TestSettings;
import io.perfopt.simulator.SimulatedFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The simulated demo fleet and perfopt in one JVM over real loopback HTTP, on one manual clock,
 * with test-sized timings and no scheduled cycles: {@link #cycle()} lets 10 s pass and runs one.
 * (The same set-up as the application tests' {@code SimulatedFleetRun}, which is private to their
 * package.)
 */
final class FleetUnderTest implements AutoCloseable {

    final ManualClock clock = ManualClock.startingAtEpochOf2026();
    final SimulatedFleet fleet;
    final PerfoptApplication perfopt;
    final int port = FreePort.pick();
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param token the API token; null for none (loopback only) */
    FleetUnderTest(String token, List<OptimizerPlugin> plugins) throws Exception {
        this.token = token;
        fleet = SimulatedFleet.demo(clock, 42);
        fleet.start(0);
        Map<String, String> settings = TestSettings.manualCycles();
        settings.put("perfopt.api.port", String.valueOf(port));
        settings.put("perfopt.db.url", "jdbc:h2:mem:dashboard-" + java.util.UUID.randomUUID());
        settings.put("perfopt.api.host", "127.0.0.1");
        if (token != null) {
            settings.put("perfopt.api.token", token);
        }
        var builder = PerfoptApplication.builder().clock(clock)
                .settings(PerfoptSettings.defaultsOnly().with(settings)).plugins(PluginSource.of(plugins));
        FleetAgents.json(fleet).forEach(builder::agent);
        try {
            perfopt = builder.build().start();
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
    }

    /** Lets 10 s pass, then runs a cycle that polls every agent first. */
    CycleReport cycle() {
        clock.advance(Duration.ofSeconds(10));
        return perfopt.loop().runCycle();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** {@code GET} an API path with the token, expecting 200 and JSON. */
    JsonNode get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return Json.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    /** {@code GET} without the token, the body as text. */
    HttpResponse<String> anonymousGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        perfopt.close();
        fleet.close();
    }
}
