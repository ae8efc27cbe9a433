package io.perfopt.benchmarks.memory;

import io.perfopt.api.time.ManualClock;
import io.perfopt.benchmarks.decision.SyntheticFleet;
import io.perfopt.benchmarks.report.Args;
import io.perfopt.benchmarks.report.Machine;
import io.perfopt.engine.cycle.EngineConfig;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.execute.InMemoryChangeJournal;
import io.perfopt.engine.learn.InMemoryLearningStore;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.engine.window.MetricStore;
import io.perfopt.plugins.coordination.CoordinationOptimizer;
import io.perfopt.plugins.latency.LatencyOptimizer;
import io.perfopt.plugins.successrate.SuccessRateOptimizer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained per agent: the used heap after a full GC, before and after. First the metric
 * windows alone, filled for their whole ten minutes by the decision benchmark's synthetic agents
 * (20 metrics; per 10 s five latencies, two values of the two judged ratios, one of the rest);
 * then the loop over them, after 20 cycles (detection and forecast state, plugin history, learning, the change
 * journal, kept reports). Run with a heap big enough to hold it and nothing else running:
 *
 * <pre>
 * benchmarks/run.sh memory.MemoryPerAgent --agents 10000
 * </pre>
 */
public final class MemoryPerAgent {

    private MemoryPerAgent() {
    }

    /** Bytes per agent of the windows and of everything else the loop keeps. */
    public record Result(int agents, long windowSamples, double windowBytesPerAgent, double loopBytesPerAgent) {
        double bytesPerSample() {
            return windowBytesPerAgent * agents / windowSamples;
        }
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        Result r = run(args.integer("agents", 10_000), args.integer("cycles", 20));
        System.out.println("# memory: " + Machine.describe());
        System.out.println("| agents | samples in windows | windows per agent | bytes per sample | loop state per agent"
                + " (learning, journal, detection, reports) | total per agent |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %,d | %,d | %.1f KiB | %.1f | %.1f KiB | %.1f KiB |%n", r.agents(),
                r.windowSamples(), r.windowBytesPerAgent() / 1024, r.bytesPerSample(), r.loopBytesPerAgent() / 1024,
                (r.windowBytesPerAgent() + r.loopBytesPerAgent()) / 1024);
    }

    public static Result run(int agents, int cycles) {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        EngineConfig config = EngineConfig.defaults();
        SyntheticFleet fleet = new SyntheticFleet(clock, agents, 1);
        long empty = usedAfterGc();
        MetricStore store = new MetricStore(config.window(), clock);
        fleet.run(config.window().maxAge(), Duration.ofSeconds(10), 5, store);
        long windows = usedAfterGc();
        long samples = 0;
        for (String id : store.agents()) {
            var view = store.view(id);
            for (String metric : view.metrics()) {
                samples += view.summary(metric).orElseThrow().count();
            }
        }
        try (OptimizationLoop loop = OptimizationLoop.builder().config(config).clock(clock).metrics(store)
                .agents(fleet.directory()).journal(new InMemoryChangeJournal()).learning(new InMemoryLearningStore())
                .plugins(PluginSource.of(List.of(new LatencyOptimizer(), new SuccessRateOptimizer(),
                        new CoordinationOptimizer())))
                .actuator(fleet).build()) {
            for (int c = 0; c < cycles; c++) {
                fleet.run(Duration.ofSeconds(30), Duration.ofSeconds(10), 5, store);
                loop.runCycle();
            }
            long withLoop = usedAfterGc();
            // the windows stay full (same rate, ten-minute window): what grew beyond them is the loop's
            long loopBytes = withLoop - windows;
            return new Result(agents, samples, (double) (windows - empty) / agents, (double) loopBytes / agents);
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
