package io.perfopt.integration.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.engine.cycle.OptimizationLoop;
import java.util.List;
import java.util.function.Supplier;

/**
 * The node's state as gauges, read when scraped. None of them waits for a running cycle: each
 * reads what the loop publishes without its lock.
 *
 * <pre>
 *   perfopt_info{node, version}             1
 *   perfopt_autonomy_level                  0.80..0.95
 *   perfopt_system_score                    0..1 after the last cycle; NaN before the first
 *   perfopt_bottlenecks_open{type}          open after the last cycle, per bottleneck type
 *   perfopt_changes_in_flight               applied, awaiting their verdict
 *   perfopt_approvals_waiting               strategies waiting for the orchestrator
 *   perfopt_outbox_depth                    reports waiting for delivery (hook; 0 without an outbox)
 *   perfopt_cluster_members                 members of this node's cluster (hook; 1 on a single node)
 * </pre>
 */
final class EngineGauges {

    private EngineGauges() {
    }

    static void register(MeterRegistry registry, OptimizationLoop loop, Supplier<CycleReport> lastReport,
                         ObserveHooks hooks, String version) {
        Gauge.builder("perfopt.info", () -> 1).description("This node: its id and perfopt's version")
                .tag("node", loop.config().nodeId()).tag("version", version).strongReference(true).register(registry);
        Gauge.builder("perfopt.autonomy.level", loop::autonomyLevel)
                .description("Autonomy level: the share of strategies allowed to run without approval")
                .strongReference(true).register(registry);
        Gauge.builder("perfopt.system.score", () -> {
            CycleReport last = lastReport.get();
            return last == null || last.systemScore() == null ? Double.NaN : last.systemScore();
        }).description("The fleet's overall health score after the last cycle (0..1)").strongReference(true)
                .register(registry);
        for (BottleneckType type : BottleneckType.values()) {
            Gauge.builder("perfopt.bottlenecks.open", () -> open(loop, type))
                    .description("Bottlenecks open after the last cycle, observed and forecast")
                    .tag("type", CycleMeters.label(type.name())).strongReference(true).register(registry);
        }
        Gauge.builder("perfopt.changes.in.flight", () -> loop.changesInFlight().size())
                .description("Changes applied and awaiting their verdict").strongReference(true).register(registry);
        Gauge.builder("perfopt.approvals.waiting", () -> loop.approvals().size())
                .description("Strategies waiting for the orchestrator's approval").strongReference(true)
                .register(registry);
        Gauge.builder("perfopt.outbox.depth", hooks::outboxDepth)
                .description("Cycle reports waiting in the outbox for delivery to the orchestrator")
                .strongReference(true).register(registry);
        Gauge.builder("perfopt.cluster.members", hooks::clusterMembers)
                .description("Members of this node's cluster, itself included").strongReference(true)
                .register(registry);
    }

    private static long open(OptimizationLoop loop, BottleneckType type) {
        return loop.openBottlenecks().values().stream().flatMap(List::stream).map(Bottleneck::type)
                .filter(type::equals).count();
    }
}
