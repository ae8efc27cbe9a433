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
                         Spread strategies, Spread applied) {

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
        // a throwaway fleet first, so that the smallest size is not measured on a cold JIT
        run(args.integer("jit-warmup-agents", 2_000), 4, 6, 99, 2);
        System.out.println("# decision phases: " + Machine.describe());
        for (int readings : args.integers("ratio-readings", List.of(2, 1))) {
            System.out.println();
            System.out.println(readings == 2 ? "steady state: changes start, searches converge"
                    : "planning every cycle: one reading of each judged ratio per tick, so success-rate and"
                    + " coordination changes are planned each cycle and wait for baseline samples");
            System.out.println("| agents | troubled | detect+forecast+plan ms | per agent µs | detect ms | forecast ms"
                    + " | plan ms | execute ms | judge ms | whole cycle ms | bottlenecks | strategies | applied |");
            System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
            for (int size : sizes) {
                Result r = run(size, warmup, cycles, args.longValue("seed", 1), readings);
                System.out.println(row(r));
            }
        }
    }

    static String row(Result r) {
        return String.format(Locale.ROOT,
                "| %,d | %,d | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.0f | %.0f | %.0f |",
                r.agents(), r.troubled(), r.decisionMs().describe("%.2f"), r.perAgentMicros(),
                r.detectMs().median(), r.forecastMs().median(), r.planMs().median(), r.executeMs().median(),
                r.judgeMs().median(), r.cycleMs().describe("%.1f"), r.bottlenecks().median(),
                r.strategies().median(), r.applied().median());
    }

    /**
     * Runs {@code warmup} cycles, then measures {@code cycles} more over a fleet of {@code size}
     * whose agents report {@code ratioReadings} values of each judged ratio per tick.
     */
    public static Result run(int size, int warmup, int cycles, long seed, int ratioReadings) {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        SyntheticFleet fleet = new SyntheticFleet(clock, size, seed);
        EngineConfig config = EngineConfig.builder().seed(seed).build();
        MetricStore store = new MetricStore(config.window(), clock);
        List<OptimizerPlugin> plugins = List.of(new LatencyOptimizer(), new SuccessRateOptimizer(),
                new CoordinationOptimizer());
        List<CycleReport> measured = new ArrayList<>();
        try (OptimizationLoop loop = OptimizationLoop.builder().config(config).clock(clock).metrics(store)
                .agents(fleet.directory()).plugins(PluginSource.of(plugins)).actuator(fleet).build()) {
            for (int c = 0; c < warmup + cycles; c++) {
                fleet.run(CYCLE, TICK, LATENCIES_PER_TICK, ratioReadings, store);
                CycleReport report = loop.runCycle();
                if (c >= warmup) {
                    measured.add(report);
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
                spread(measured, r -> r.applied().size()));
    }

    private static Spread spread(List<CycleReport> reports, ToDoubleFunction<CycleReport> value) {
        return Spread.of(reports.stream().mapToDouble(value).toArray());
    }

    private static double ms(CycleReport report, CyclePhase phase) {
        Duration d = report.phaseTimings().get(phase);
        return d == null ? 0 : d.toNanos() / 1e6;
    }
}
