package io.perfopt.integration.testing;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * perfopt started in-process on a manual clock with the {@link TestSettings#manualCycles() test
 * settings} (test-sized timings, no scheduled polls or cycles): each {@link #cycle(Duration)}
 * lets time pass and runs a cycle that polls every agent first. Requests carry the
 * {@code perfopt.api.token} of the overrides, if any.
 */
public final class PerfoptHarness implements AutoCloseable {

    public final ManualClock clock;
    public final PerfoptApplication perfopt;
    public final List<CycleReport> reports = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port = FreePort.pick();
    private String token;

    /**
     * @param plugins plugins given in code; null to load them from {@code perfopt.plugins.dir}
     */
    public PerfoptHarness(ManualClock clock, Map<String, String> overrides, List<OptimizerPlugin> plugins,
                          List<AgentConfig> agents) throws Exception {
        this(clock, null, overrides, plugins, agents);
    }

    /**
     * @param home the installation directory ({@code conf/}, {@code data/}, ...); null for the
     *             working directory
     */
    public PerfoptHarness(ManualClock clock, Path home, Map<String, String> overrides,
                          List<OptimizerPlugin> plugins, List<AgentConfig> agents) throws Exception {
        this.clock = clock;
        Map<String, String> settings = TestSettings.manualCycles();
        settings.put("perfopt.api.port", String.valueOf(port));
        // a database of its own per run, gone when perfopt closes its pool (tests may override it)
        settings.put("perfopt.db.url", "jdbc:h2:mem:perfopt-" + java.util.UUID.randomUUID());
        settings.putAll(overrides);
        token = settings.get("perfopt.api.token");
        var builder = PerfoptApplication.builder().clock(clock)
                .settings(PerfoptSettings.defaultsOnly().with(settings)).sink(reports::add);
        if (home != null) {
            builder.home(home);
        }
        if (plugins != null) {
            builder.plugins(PluginSource.of(plugins));
        }
        agents.forEach(builder::agent);
        perfopt = builder.build().start();
    }

    /** Lets {@code time} pass, then runs a cycle. */
    public CycleReport cycle(Duration time) {
        clock.advance(time);
        return perfopt.loop().runCycle();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request of any method without a body. */
    public HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Requests without the API token, whatever is configured. */
    public HttpResponse<String> anonymousGet(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        perfopt.close();
    }
}
