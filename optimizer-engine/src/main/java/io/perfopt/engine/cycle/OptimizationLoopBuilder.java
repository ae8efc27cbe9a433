package io.perfopt.engine.cycle;

import io.perfopt.api.spi.Actuator;
import io.perfopt.engine.detect.ThresholdPolicy;
import io.perfopt.engine.execute.ChangeJournal;
import io.perfopt.engine.execute.InMemoryChangeJournal;
import io.perfopt.engine.fleet.AgentDirectory;
import io.perfopt.engine.learn.InMemoryLearningStore;
import io.perfopt.engine.learn.LearningStore;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.engine.report.ReportSink;
import io.perfopt.engine.window.MetricStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link OptimizationLoop}. The clock, agent directory, plugins and actuator are
 * required; the journal and learning store default to in-memory ones, the metric store to a
 * new one sized by the configuration.
 */
public final class OptimizationLoopBuilder {

    EngineConfig config = EngineConfig.defaults();
    Clock clock;
    MetricStore store;
    AgentDirectory directory;
    PluginSource plugins;
    Actuator actuator;
    ChangeJournal journal = new InMemoryChangeJournal();
    LearningStore learning = new InMemoryLearningStore();
    ThresholdPolicy thresholds;
    final List<ReportSink> sinks = new ArrayList<>();
    MetricCollector collector = MetricCollector.none();

    OptimizationLoopBuilder() {
    }

    public OptimizationLoopBuilder config(EngineConfig value) {
        config = value;
        return this;
    }

    public OptimizationLoopBuilder clock(Clock value) {
        clock = value;
        return this;
    }

    /** The metric windows, when the integration created them first (default: a new store). */
    public OptimizationLoopBuilder metrics(MetricStore value) {
        store = value;
        return this;
    }

    public OptimizationLoopBuilder agents(AgentDirectory value) {
        directory = value;
        return this;
    }

    public OptimizationLoopBuilder plugins(PluginSource value) {
        plugins = value;
        return this;
    }

    public OptimizationLoopBuilder actuator(Actuator value) {
        actuator = value;
        return this;
    }

    public OptimizationLoopBuilder journal(ChangeJournal value) {
        journal = value;
        return this;
    }

    public OptimizationLoopBuilder learning(LearningStore value) {
        learning = value;
        return this;
    }

    /** Thresholds with per-agent overrides (default: the configuration's global thresholds). */
    public OptimizationLoopBuilder thresholds(ThresholdPolicy value) {
        thresholds = value;
        return this;
    }

    public OptimizationLoopBuilder sink(ReportSink sink) {
        sinks.add(sink);
        return this;
    }

    public OptimizationLoopBuilder collector(MetricCollector value) {
        collector = value;
        return this;
    }

    public OptimizationLoop build() {
        Objects.requireNonNull(clock, "clock is required");
        Objects.requireNonNull(directory, "agents (an AgentDirectory) are required");
        Objects.requireNonNull(plugins, "plugins (a PluginSource) are required");
        Objects.requireNonNull(actuator, "actuator is required");
        return new OptimizationLoop(this);
    }
}
