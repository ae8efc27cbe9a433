package io.perfopt.engine.cycle;

import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.CyclePhase;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.ImpactReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Recommendation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What one cycle gathers as it runs, turned into a {@link CycleReport} at its end. Used by one thread. */
final class CycleDraft {

    final long cycle;
    final Instant startedAt;
    final List<String> agents = new ArrayList<>();
    final List<Bottleneck> bottlenecks = new ArrayList<>();
    final List<OptimizationStrategy> strategies = new ArrayList<>();
    final List<String> applied = new ArrayList<>();
    final List<String> awaitingApproval = new ArrayList<>();
    final List<OptimizationResult> results = new ArrayList<>();
    final List<String> decisions = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final java.util.Set<String> unplanned = new java.util.HashSet<>();
    Double systemScore;
    private final Map<CyclePhase, Duration> timings = new EnumMap<>(CyclePhase.class);
    private final Clock clock;

    CycleDraft(long cycle, Clock clock) {
        this.cycle = cycle;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Runs a phase and records its duration: real elapsed work (monotonic timer), not the injected clock. */
    <T> T time(CyclePhase phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timings.merge(phase, Duration.ofNanos(System.nanoTime() - start), Duration::plus);
        }
    }

    void time(CyclePhase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    CycleReport toReport(String nodeId, double autonomy, ImpactReport impact, List<Recommendation> recommendations) {
        return new CycleReport(cycle, nodeId, startedAt, clock.instant(), timings, systemScore, autonomy, agents,
                bottlenecks, strategies, applied, awaitingApproval, results, impact, decisions, recommendations,
                errors);
    }
}
