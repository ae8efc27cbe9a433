package io.perfopt.integration.persist;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.integration.testing.TestSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * perfopt started in-process through its public builder, on a manual clock with the
 * {@link TestSettings#manualCycles() test settings} (no scheduled polls or cycles; each
 * {@link #cycle} polls every agent first), for the tests of persistence, delivery and sources.
 */
public final class RunningPerfopt implements AutoCloseable {

    public final ManualClock clock;
    public final PerfoptApplication app;
    public final List<CycleReport> reports = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port = FreePort.pick();

    /**
     * @param overrides settings over the test defaults (an in-memory database of its own, ...)
     * @param plugins   plugins given in code
     */
    public RunningPerfopt(ManualClock clock, Path home, Map<String, String> overrides, List<OptimizerPlugin> plugins,
                          List<AgentConfig> agents) throws Exception {
        this.clock = clock;
        Map<String, String> settings = TestSettings.manualCycles();
        settings.put("perfopt.api.port", String.valueOf(port));
        settings.put("perfopt.db.url", "jdbc:h2:mem:perfopt-" + UUID.randomUUID());
        // retries run when a test says (flush) or with the next cycle, never on a timer mid-assertion
        settings.put("perfopt.db.retry-interval", "1h");
        settings.putAll(overrides);
        var builder = PerfoptApplication.builder().home(home).clock(clock)
                .settings(PerfoptSettings.defaultsOnly().with(settings)).sink(reports::add)
                .plugins(PluginSource.of(plugins));
        agents.forEach(builder::agent);
        app = builder.build().start();
    }

    /** Lets {@code time} pass, then runs a cycle. */
    public CycleReport cycle(Duration time) {
        clock.advance(time);
        return app.loop().runCycle();
    }

    /** perfopt's own database, for assertions. */
    public JdbcTemplate sql() {
        return new JdbcTemplate(dataSource());
    }

    public DataSource dataSource() {
        return app.persistence().database().dataSource();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.close();
    }
}
