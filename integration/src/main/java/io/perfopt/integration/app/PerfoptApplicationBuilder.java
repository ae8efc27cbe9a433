package io.perfopt.integration.app;

import io.perfopt.engine.plan.PluginSource;
import io.perfopt.engine.report.ReportSink;
import io.perfopt.integration.agents.AgentConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a {@link PerfoptApplication}; defaults: settings from {@code conf/perfopt.properties}, the system clock. */
public final class PerfoptApplicationBuilder {

    PerfoptSettings settings;
    Path home = Path.of(".");
    Clock clock = Clock.systemUTC();
    final List<ReportSink> sinks = new ArrayList<>();
    PluginSource plugins; // null: a PluginHost over perfopt.plugins.dir
    final List<AgentConfig> agents = new ArrayList<>();
    javax.sql.DataSource dataSource; // cluster (issue 6): null keeps learning and the journal in memory only

    PerfoptApplicationBuilder() {
    }

    /** The installation directory that conf/, data/ and plugins/ are relative to. */
    public PerfoptApplicationBuilder home(Path value) {
        home = value;
        return this;
    }

    public PerfoptApplicationBuilder settings(PerfoptSettings value) {
        settings = value;
        return this;
    }

    public PerfoptApplicationBuilder clock(Clock value) {
        clock = value;
        return this;
    }

    public PerfoptApplicationBuilder sink(ReportSink value) {
        sinks.add(value);
        return this;
    }

    /** Plugins given in code instead of loaded from the plugin directory (embedded use, tests). */
    public PerfoptApplicationBuilder plugins(PluginSource value) {
        plugins = value;
        return this;
    }

    /** An agent registered at start, besides those of the agents file. */
    public PerfoptApplicationBuilder agent(AgentConfig value) {
        agents.add(value);
        return this;
    }

    /**
     * The database the cluster's learning and journal are persisted to (tables
     * {@code learning_stats} and {@code change_journal}); without one they live in memory only.
     */
    public PerfoptApplicationBuilder dataSource(javax.sql.DataSource value) {
        dataSource = value;
        return this;
    }

    public PerfoptApplication build() {
        if (settings == null) {
            settings = PerfoptSettings.load(home.resolve("conf/perfopt.properties"), Map.of());
        }
        return new PerfoptApplication(this);
    }
}
