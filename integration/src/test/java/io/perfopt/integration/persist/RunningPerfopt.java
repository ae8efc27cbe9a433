package io.perfopt.integration.persist;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.testing.PerfoptHarness;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * perfopt started in-process as the application tests start it ({@link PerfoptHarness}: a
 * manual clock, test settings, each {@link #cycle} polling every agent first), in an
 * installation directory of the test's and with database retries left to the test, for the
 * tests of persistence, delivery and sources.
 */
public final class RunningPerfopt implements AutoCloseable {

    public final ManualClock clock;
    public final PerfoptApplication app;
    public final List<CycleReport> reports;
    private final PerfoptHarness harness;

    /**
     * @param overrides settings over the test defaults (an in-memory database of its own, ...)
     * @param plugins   plugins given in code
     */
    public RunningPerfopt(ManualClock clock, Path home, Map<String, String> overrides, List<OptimizerPlugin> plugins,
                          List<AgentConfig> agents) throws Exception {
        Map<String, String> settings = new HashMap<>();
        // retries run when a test says (flush) or with the next cycle, never on a timer mid-assertion
        settings.put("perfopt.db.retry-interval", "1h");
        settings.putAll(overrides);
        harness = new PerfoptHarness(clock, home, settings, plugins, agents);
        this.clock = harness.clock;
        this.app = harness.perfopt;
        this.reports = harness.reports;
    }

    /** Lets {@code time} pass, then runs a cycle. */
    public CycleReport cycle(Duration time) {
        return harness.cycle(time);
    }

    /** perfopt's own database, for assertions. */
    public JdbcTemplate sql() {
        return new JdbcTemplate(dataSource());
    }

    public DataSource dataSource() {
        return app.persistence().database().dataSource();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return harness.get(path);
    }

    @Override
    public void close() {
        harness.close();
    }
}
