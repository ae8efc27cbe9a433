package io.perfopt.integration.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.perfopt.api.optimization.CyclePhase;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.engine.report.ReportSink;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Turns each cycle report into meters: how long cycles and their phases took, which verdicts
 * each plugin's strategies earned, what was applied or queued for approval. A report sink, so
 * the numbers are the report's own: nothing is measured twice.
 *
 * <pre>
 *   perfopt_cycle_duration_seconds{_count,_sum,_max,_bucket}     every cycle (and out-of-cycle evaluation)
 *   perfopt_cycle_phase_duration_seconds{phase}                 collect, judge, detect, forecast, plan, execute,
 *                                                               learn (the report phase ends after its report)
 *   perfopt_verdicts_total{plugin, verdict}                     improved, no_effect, degraded, awaiting_approval, ...
 *   perfopt_changes_applied_total{plugin}                       strategies applied to an agent
 *   perfopt_cycle_errors_total                                  problems that did not stop a cycle
 * </pre>
 */
final class CycleMeters implements ReportSink {

    // cycles take milliseconds to tens of seconds: buckets for histogram_quantile over that range
    private static final Duration[] CYCLE_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    private final Timer cycles;
    private final Map<CyclePhase, Timer> phases = new ConcurrentHashMap<>();
    private final Counter errors;
    private final AtomicReference<CycleReport> last = new AtomicReference<>();
    // strategies waiting for approval, by id, with their plugin; bounded as approvals expire unseen
    private final Map<String, String> awaiting = new ConcurrentHashMap<>();
    private static final int MAX_AWAITING = 10_000;

    CycleMeters(MeterRegistry registry) {
        this.registry = registry;
        this.cycles = Timer.builder("perfopt.cycle.duration").description("Duration of optimization cycles")
                .serviceLevelObjectives(CYCLE_BUCKETS).register(registry);
        this.errors = Counter.builder("perfopt.cycle.errors")
                .description("Problems (agent, plugin, actuator) that did not stop a cycle").register(registry);
    }

    @Override
    public void publish(CycleReport report) {
        cycles.record(report.duration());
        report.phaseTimings().forEach((phase, took) -> phase(phase).record(took));
        errors.increment(report.errors().size());
        for (OptimizationResult result : report.results()) {
            Counter.builder("perfopt.verdicts").description("Verdicts reached, by plugin and verdict")
                    .tag("plugin", result.strategy().pluginId()).tag("verdict", label(result.verdict().name()))
                    .register(registry).increment();
        }
        Map<String, String> pluginOf = report.strategies().stream()
                .collect(Collectors.toMap(OptimizationStrategy::id, OptimizationStrategy::pluginId, (a, b) -> a));
        report.awaitingApproval().forEach(id -> remember(id, pluginOf.get(id)));
        for (String id : report.applied()) {
            // an approved strategy is applied in a later cycle than the one that proposed it
            String plugin = pluginOf.getOrDefault(id, awaiting.remove(id));
            Counter.builder("perfopt.changes.applied").description("Strategies applied to an agent, by plugin")
                    .tag("plugin", plugin == null ? "unknown" : plugin).register(registry).increment();
        }
        last.set(report);
    }

    // a phase appears once a cycle ran it (plan and execute only when something was planned)
    private Timer phase(CyclePhase phase) {
        return phases.computeIfAbsent(phase, p -> Timer.builder("perfopt.cycle.phase.duration")
                .description("Duration of each phase of the optimization cycles")
                .tag("phase", p.name().toLowerCase(Locale.ROOT)).register(registry));
    }

    private void remember(String strategyId, String pluginId) {
        if (pluginId != null && awaiting.size() < MAX_AWAITING) {
            awaiting.put(strategyId, pluginId);
        }
    }

    /** The newest report seen; null before the first. */
    CycleReport last() {
        return last.get();
    }

    static String label(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
