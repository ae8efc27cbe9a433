package io.perfopt.integration.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.testing.SimulatedFleetRun;
import io.perfopt.simulator.SimulatedFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated demo fleet and perfopt in one JVM over real loopback HTTP, on one manual clock,
 * as the application tests run them ({@link SimulatedFleetRun}), the API bound to loopback:
 * {@link #cycle()} lets 10 s pass and runs one.
 */
final class FleetUnderTest implements AutoCloseable {

    final SimulatedFleet fleet;
    private final SimulatedFleetRun run;

    /** @param token the API token; null for none (loopback only) */
    FleetUnderTest(String token, List<OptimizerPlugin> plugins) throws Exception {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("perfopt.api.host", "127.0.0.1");
        if (token != null) {
            overrides.put("perfopt.api.token", token);
        }
        run = new SimulatedFleetRun(overrides, plugins);
        fleet = run.fleet;
    }

    /** Lets 10 s pass, then runs a cycle that polls every agent first. */
    CycleReport cycle() {
        return run.perfopt.cycle(Duration.ofSeconds(10));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + run.perfopt.port() + path);
    }

    /** {@code GET} an API path with the token, expecting 200 and JSON. */
    JsonNode get(String path) {
        try {
            HttpResponse<String> answer = run.perfopt.get(path);
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
        return run.perfopt.anonymousGet(path);
    }

    @Override
    public void close() {
        run.close();
    }
}
