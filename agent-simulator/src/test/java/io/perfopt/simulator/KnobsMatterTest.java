package io.perfopt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.agent.SimulatedAgent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Knobs change what an agent measures through its mechanisms, both ways. */
class KnobsMatterTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();

    @Test
    void raisingTheHuntersCacheTowardItsOptimumCutsResponseTime() {
        SimulatedFleet fleet = hunterAlone();
        SimulatedAgent hunter = fleet.agent("hunter");
        clock.advance(Duration.ofMinutes(1));
        Observation before = Observation.watch(hunter, clock, Duration.ofMinutes(3));

        hunter.setKnob("cache.size", 12000, fleet.tokens().get("hunter"));
        clock.advance(Duration.ofMinutes(1));
        Observation after = Observation.watch(hunter, clock, Duration.ofMinutes(3));

        assertThat(after.mean("responseTimeMs")).as(before + " -> " + after)
                .isLessThan(0.5 * before.mean("responseTimeMs"));
        assertThat(after.mean("memory")).isGreaterThan(before.mean("memory"));
    }

    @Test
    void tooManyWorkersAreSlowerThanTheBestCount() {
        double best = meanResponseTimeWithWorkers(8);
        double tooMany = meanResponseTimeWithWorkers(64);
        double tooFew = meanResponseTimeWithWorkers(3);

        assertThat(tooMany).as("64 workers vs 8").isGreaterThan(1.3 * best);
        assertThat(tooFew).as("3 workers vs 8").isGreaterThan(1.3 * best);
    }

    @Test
    void aCacheThatFillsTheHeapIsSlowerThanOneThatFits() {
        double fits = meanResponseTimeWithCache(14000);
        double fillsHeap = meanResponseTimeWithCache(20000);

        assertThat(fillsHeap).isGreaterThan(1.1 * fits);
    }

    @Test
    void aHigherConfidenceThresholdTradesDecisionsForSuccess() {
        Observation lenient = analyzerWithThreshold(0.55);
        Observation strict = analyzerWithThreshold(0.90);

        assertThat(strict.mean("successRate")).isGreaterThan(lenient.mean("successRate") + 0.05);
        assertThat(strict.mean("decisionCount")).isLessThan(0.8 * lenient.mean("decisionCount"));
        assertThat(strict.mean("averageConfidence")).isGreaterThan(lenient.mean("averageConfidence"));
    }

    @Test
    void theHuntersBatchSizeHasACoordinationSweetSpot() {
        double one = hunterCoordinationWithBatch(1);
        double three = hunterCoordinationWithBatch(3);
        double sixty = hunterCoordinationWithBatch(60);

        assertThat(three).isGreaterThan(one + 0.05).isGreaterThan(sixty + 0.2);
    }

    @Test
    void thePatternWindowHasAnInteriorOptimum() {
        double tiny = analyzerAccuracyWithWindow(10);
        double mid = analyzerAccuracyWithWindow(60);
        double huge = analyzerAccuracyWithWindow(1000);

        assertThat(mid).isGreaterThan(tiny + 0.02).isGreaterThan(huge + 0.05);
    }

    private double meanResponseTimeWithWorkers(int workers) {
        SimulatedFleet fleet = hunterAlone();
        SimulatedAgent hunter = fleet.agent("hunter");
        String token = fleet.tokens().get("hunter");
        hunter.setKnob("cache.size", 14000, token);
        hunter.setKnob("worker.threads", workers, token);
        clock.advance(Duration.ofMinutes(3));
        return Observation.watch(hunter, clock, Duration.ofMinutes(3)).mean("responseTimeMs");
    }

    private double meanResponseTimeWithCache(int entries) {
        SimulatedFleet fleet = hunterAlone();
        SimulatedAgent hunter = fleet.agent("hunter");
        hunter.setKnob("cache.size", entries, fleet.tokens().get("hunter"));
        clock.advance(Duration.ofMinutes(10));
        return Observation.watch(hunter, clock, Duration.ofMinutes(4)).mean("responseTimeMs");
    }

    private double hunterCoordinationWithBatch(int batch) {
        SimulatedFleet fleet = hunterAlone();
        SimulatedAgent hunter = fleet.agent("hunter");
        hunter.setKnob("message.batch.size", batch, fleet.tokens().get("hunter"));
        clock.advance(Duration.ofMinutes(1));
        return Observation.watch(hunter, clock, Duration.ofMinutes(2)).mean("coordinationScore");
    }

    private Observation analyzerWithThreshold(double threshold) {
        SimulatedFleet fleet = SimulatedFleet.builder().clock(clock).seed(3)
                .agent(AgentSpec.of("analyzer", AgentKinds.MARKET_ANALYZER)).build();
        SimulatedAgent analyzer = fleet.agent("analyzer");
        analyzer.setKnob("confidence.threshold", threshold, fleet.tokens().get("analyzer"));
        clock.advance(Duration.ofMinutes(1));
        return Observation.watch(analyzer, clock, Duration.ofMinutes(3));
    }

    private double analyzerAccuracyWithWindow(int window) {
        SimulatedFleet fleet = SimulatedFleet.builder().clock(clock).seed(3)
                .agent(AgentSpec.of("analyzer", AgentKinds.MARKET_ANALYZER).withKnob("pattern.window", window))
                .build();
        clock.advance(Duration.ofMinutes(1));
        return Observation.watch(fleet.agent("analyzer"), clock, Duration.ofMinutes(8)).mean("accuracyRate");
    }

    private SimulatedFleet hunterAlone() {
        return SimulatedFleet.builder().clock(clock).seed(9).agent(AgentSpec.of("hunter", AgentKinds.MARKET_HUNTER))
                .build();
    }
}
