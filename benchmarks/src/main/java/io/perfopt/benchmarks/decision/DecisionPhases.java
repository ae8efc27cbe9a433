package io.perfopt.benchmarks.decision;

import io.perfopt.api.optimization.CyclePhase;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.benchmarks.report.Args;
import io.perfopt.benchmarks.report.Machine;
import io.perfopt.benchmarks.report.Spread;
import io.perfopt.engine.cycle.EngineConfig;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.engine.window.MetricStore;
import io.perfopt.plugins.coordination.CoordinationOptimizer;
import io.perfopt.plugins.latency.LatencyOptimizer;
import io.perfopt.plugins.successrate.SuccessRateOptimizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The decision phases of a cycle (detect, forecast, plan with ranking) on the engine alone, for
 * fleets of synthetic agents reporting 20 metrics each; 10 % of them troubled (slow, failing or
 * poorly coordinated), the rest healthy. In-memory ports, a manual clock, the latency, success
 * rate and coordination plugins as plain instances, the engine's default configuration.
 *
 * <p>Every 30 s of simulated time the agents report three ticks of observations (per tick five
 * latencies, two values of the success rate and coordination, one of every other metric) and a
 * cycle runs. A second pass reports one value of each ratio per tick: too few for the judge, so
 * success-rate and coordination changes are planned every cycle and never start, which measures
 * planning at its heaviest. The phase timings come from the cycle reports (real elapsed time,
 * monotonic). The first cycles warm the JIT and the detectors' debouncing; the next ones are
 * measured. A throwaway fleet of 2,000 agents runs first, so that no size is measured on a cold
 * JIT. Run:
 *
 * <pre>
 * java -cp ... io.perfopt.benchmarks.decision.DecisionPhases --sizes 100,1000,10000 --warmup 6 --cycles 15
 * </pre>
 *
 * {@code --detection-threads N} sets the engine's {@code detectionThreads} (without it, the
 * engine's default: the cores, at most 4; the harness then also runs against an engine older than
 * that option, for before/after runs). The last column is the CPU time of the thread running the
 * cycle, which a busy neighbour on a shared machine disturbs far less than the elapsed times (but
 * which leaves out work handed to the detection threads).
 */
public final class DecisionPhases {

    static final Duration CYCLE = Duration.ofSeconds(30);
    static final Duration TICK = Duration.ofSeconds(10);
    static final int LATENCIES_PER_TICK = 5;

    private DecisionPhases() {
    }

    /** The measurements of one fleet size. */
    public record Result(int agents, long troubled, Spread decisionMs, Spread detectMs, Spread forecastMs,
                         Spread planMs, Spread executeMs, Spread judgeMs, Spread cycleMs, Spread bottlenecks,
                         Spread strategies, Spread applied, Spread cycleCpuMs) {

        /** Microseconds of the decision phases per agent (median). */
        public double perAgentMicros() {
            return decisionMs.median() * 1000 / agents;
        }
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        List<Integer> sizes = args.integers("sizes", List.of(100, 1_000, 10_000));
        int warmup = args.integer("warmup", 6);
        int cycles = args.integer("cycles", 15);
        int threads = args.integer("detection-threads", 0); // 0: the engine's default
        // a throwaway fleet first, so that the smallest size is not measured on a cold JIT
        run(args.integer("jit-warmup-agents", 2_000), 4, 6, 99, 2, threads);
        System.out.println("# decision phases: " + Machine.describe() + ", detection threads "
                + (threads == 0 ? "the engine's default" : threads));
        for (int readings : args.integers("ratio-readings", List.of(2, 1))) {
            System.out.println();
            System.out.println(readings == 2 ? "steady state: changes start, searches converge"
                    : "planning every cycle: one reading of each judged ratio per tick, so success-rate and"
                    + " coordination changes are planned each cycle and wait for baseline samples");
            System.out.println("| agents | troubled | detect+forecast+plan ms | per agent µs | detect ms | forecast ms"
                    + " | plan ms | execute ms | judge ms | whole cycle ms | bottlenecks | strategies | applied"
                    + " | cycle thread CPU ms |");
            System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
            for (int size : sizes) {
                Result r = run(size, warmup, cycles, args.longValue("seed", 1), readings, threads);
                System.out.println(row(r));
            }
        }
    }

    static String row(Result r) {
        return String.format(Locale.ROOT,
                "| %,d | %,d | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.0f | %.0f | %.0f | %s |",
                r.agents(), r.troubled(), r.decisionMs().describe("%.2f"), r.perAgentMicros(),
                r.detectMs().median(), r.forecastMs().median(), r.planMs().median(), r.executeMs().median(),
                r.judgeMs().median(), r.cycleMs().describe("%.1f"), r.bottlenecks().median(),
                r.strategies().median(), r.applied().median(), r.cycleCpuMs().describe("%.1f"));
    }

    /**
     * Runs {@code warmup} cycles, then measures {@code cycles} more over a fleet of {@code size}
     * whose agents report {@code ratioReadings} values of each judged ratio per tick, detecting on
     * {@code detectionThreads} threads (0: the engine's default).
     */
    public static Result run(int size, int warmup, int cycles, long seed, int ratioReadings, int detectionThreads) {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        SyntheticFleet fleet = new SyntheticFleet(clock, size, seed);
        EngineConfig.Builder builder = EngineConfig.builder().seed(seed);
        if (detectionThreads > 0) {
            builder.detectionThreads(detectionThreads);
        }
        EngineConfig config = builder.build();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Double> cpuMs = new ArrayList<>();
        MetricStore store = new MetricStore(config.window(), clock);
        List<OptimizerPlugin> plugins = List.of(new LatencyOptimizer(), new SuccessRateOptimizer(),
                new CoordinationOptimizer());
        List<CycleReport> measured = new ArrayList<>();
        try (OptimizationLoop loop = OptimizationLoop.builder().config(config).clock(clock).metrics(store)
                .agents(fleet.directory()).plugins(PluginSource.of(plugins)).actuator(fleet).build()) {
            for (int c = 0; c < warmup + cycles; c++) {
                fleet.run(CYCLE, TICK, LATENCIES_PER_TICK, ratioReadings, store);
                long cpuBefore = cpu.getCurrentThreadCpuTime();
                CycleReport report = loop.runCycle();
                long cpuNanos = cpu.getCurrentThreadCpuTime() - cpuBefore;
                if (c >= warmup) {
                    measured.add(report);
                    cpuMs.add(cpuNanos / 1e6);
                }
            }
        }
        return new Result(size, fleet.troubled(),
                spread(measured, r -> ms(r, CyclePhase.DETECT) + ms(r, CyclePhase.FORECAST) + ms(r, CyclePhase.PLAN)),
                spread(measured, r -> ms(r, CyclePhase.DETECT)), spread(measured, r -> ms(r, CyclePhase.FORECAST)),
                spread(measured, r -> ms(r, CyclePhase.PLAN)), spread(measured, r -> ms(r, CyclePhase.EXECUTE)),
                spread(measured, r -> ms(r, CyclePhase.JUDGE)),
                spread(measured, r -> r.phaseTimings().values().stream().mapToLong(Duration::toNanos).sum() / 1e6),
                spread(measured, r -> r.bottlenecks().size()), spread(measured, r -> r.strategies().size()),
                spread(measured, r -> r.applied().size()),
                Spread.of(cpuMs.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static Spread spread(List<CycleReport> reports, ToDoubleFunction<CycleReport> value) {
        return Spread.of(reports.stream().mapToDouble(value).toArray());
    }

    private static double ms(CycleReport report, CyclePhase phase) {
        Duration d = report.phaseTimings().get(phase);
        return d == null ? 0 : d.toNanos() / 1e6;
    }
}
