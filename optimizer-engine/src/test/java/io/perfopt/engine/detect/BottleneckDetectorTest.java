package io.perfopt.engine.detect;

import static io.perfopt.engine.detect.Summaries.latency;
import static io.perfopt.engine.detect.Summaries.metrics;
import static io.perfopt.engine.detect.Summaries.ratio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Severity;
import io.perfopt.api.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BottleneckDetectorTest {

    private static final String HUNTER = "market-hunter";

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private final ThresholdPolicy policy = ThresholdPolicy.defaults();
    private BottleneckDetector detector = new BottleneckDetector(DetectionConfig.defaults(), policy);

    @Test
    void aSpikeShorterThanRaiseAfterRaisesNothing() {
        assertThat(evaluate(HUNTER, latency(2800, 60))).isEmpty();
        assertThat(evaluate(HUNTER, latency(1500, 60))).isEmpty();
        assertThat(evaluate(HUNTER, latency(2800, 60))).as("the streak started over").isEmpty();
    }

    @Test
    void aPersistentSlowdownIsRaisedOnceItHeldForRaiseAfterEvaluations() {
        detector = new BottleneckDetector(DetectionConfig.defaults().withRaiseAfter(3), policy);
        assertThat(evaluate(HUNTER, latency(2800, 60))).isEmpty();
        assertThat(evaluate(HUNTER, latency(2800, 60))).isEmpty();

        List<Bottleneck> open = evaluate(HUNTER, latency(2800, 60));

        assertThat(open).hasSize(1);
        Bottleneck slow = open.get(0);
        assertThat(slow.type()).isEqualTo(BottleneckType.RESPONSE_TIME);
        assertThat(slow.severity()).isEqualTo(Severity.HIGH);
        assertThat(slow.impact()).isCloseTo(40, within(1e-9));
        assertThat(slow.component()).isEqualTo(HUNTER);
        assertThat(slow.metric()).isEqualTo("responseTimeMs");
        assertThat(slow.origin()).isEqualTo(Origin.REACTIVE);
        assertThat(slow.detectedAt()).isEqualTo(clock.instant());
        assertThat(slow.description()).isEqualTo("p95 response time 2800 ms exceeds 2000 ms over 60 samples");
        assertThat(slow.suggestedFix()).isNotBlank();
        assertThat(slow.evidence()).containsEntry("p95", 2800.0).containsEntry("threshold", 2000.0)
                .containsEntry("samples", 60.0).containsEntry("consecutiveEvaluations", 3.0);
    }

    @Test
    void anOpenBottleneckReportsCurrentEvidenceButKeepsWhenItWasRaised() {
        Instant raisedAt = raiseSlowHunter();

        Bottleneck worse = evaluate(HUNTER, latency(3000, 80)).get(0);

        assertThat(worse.detectedAt()).isEqualTo(raisedAt).isBefore(clock.instant());
        assertThat(worse.impact()).isCloseTo(50, within(1e-9));
        assertThat(worse.evidence()).containsEntry("p95", 3000.0).containsEntry("samples", 80.0)
                .containsEntry("consecutiveEvaluations", 3.0);
    }

    @Test
    void aValueJustUnderTheThresholdDoesNotClear() {
        raiseSlowHunter();

        for (int i = 0; i < 5; i++) {
            List<Bottleneck> open = evaluate(HUNTER, latency(1950, 60));
            assertThat(open).as("evaluation %d inside the band", i).hasSize(1);
            assertThat(open.get(0).impact()).isZero();
            assertThat(open.get(0).description()).isEqualTo(
                    "p95 response time 1950 ms is back under 2000 ms but not yet under its recovery level 1800 ms"
                            + " over 60 samples");
        }
    }

    @Test
    void aClearRecoveryClearsAfterClearAfterEvaluations() {
        raiseSlowHunter();

        assertThat(evaluate(HUNTER, latency(1500, 60))).as("1 of 2 recovered evaluations").hasSize(1);
        assertThat(evaluate(HUNTER, latency(1500, 60))).isEmpty();
        assertThat(evaluate(HUNTER, latency(2800, 60))).as("raising again needs raiseAfter again").isEmpty();
    }

    @Test
    void aRelapseDuringRecoveryRestartsTheCountToClear() {
        raiseSlowHunter();

        evaluate(HUNTER, latency(1500, 60));
        evaluate(HUNTER, latency(1900, 60)); // inside the band: not recovered
        assertThat(evaluate(HUNTER, latency(1500, 60))).hasSize(1);
        assertThat(evaluate(HUNTER, latency(1500, 60))).isEmpty();
    }

    @Test
    void aMetricWithTooFewSamplesNeitherRaisesNorClears() {
        for (int i = 0; i < 5; i++) {
            assertThat(evaluate(HUNTER, latency(9000, 2))).isEmpty();
        }
        Instant raisedAt = raiseSlowHunter();

        List<Bottleneck> stillOpen = evaluate(HUNTER, latency(100, 2));
        assertThat(evaluate(HUNTER, AgentMetrics.empty())).hasSize(1);

        assertThat(stillOpen).singleElement().satisfies(b -> {
            assertThat(b.detectedAt()).isEqualTo(raisedAt);
            assertThat(b.evidence()).containsEntry("p95", 2800.0);
        });
    }

    @Test
    void successRateSeveritiesAndImpactsFollowTheSeedFormulas() {
        detector = new BottleneckDetector(DetectionConfig.defaults().withRaiseAfter(1), policy);

        Bottleneck medium = evaluate("a1", ratio("successRate", 0.62, 60)).get(0);
        Bottleneck critical = evaluate("a2", ratio("successRate", 0.45, 60)).get(0);

        assertThat(medium.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(medium.impact()).isCloseTo(8, within(1e-9));
        assertThat(medium.description()).isEqualTo("success rate 0.62 is below 0.70 over 60 samples");
        assertThat(medium.evidence()).containsEntry("mean", 0.62).containsEntry("threshold", 0.70);
        assertThat(critical.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(critical.impact()).isCloseTo(25, within(1e-9));
    }

    @Test
    void poorCoordinationIsAMediumBottleneckWithHalfWeightImpact() {
        detector = new BottleneckDetector(DetectionConfig.defaults().withRaiseAfter(1), policy);

        Bottleneck coordination = evaluate("a1", ratio("coordinationScore", 0.54, 40)).get(0);

        assertThat(coordination.type()).isEqualTo(BottleneckType.COORDINATION);
        assertThat(coordination.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(coordination.impact()).isCloseTo(3, within(1e-9));
    }

    @Test
    void reportsEveryOpenBottleneckOfAnAgentInRuleOrder() {
        detector = new BottleneckDetector(DetectionConfig.defaults().withRaiseAfter(1), policy);

        List<Bottleneck> open = evaluate(HUNTER, ratio("coordinationScore", 0.5, 40), latency(2500, 60),
                ratio("successRate", 0.9, 60));

        assertThat(open).extracting(Bottleneck::type)
                .containsExactly(BottleneckType.RESPONSE_TIME, BottleneckType.COORDINATION);
    }

    @Test
    void aPerAgentThresholdOverrideAppliesOnlyToThatAgent() {
        detector = new BottleneckDetector(DetectionConfig.defaults().withRaiseAfter(1), policy);
        policy.override(HUNTER, Map.of("responseTimeMs", 1500.0));

        List<Bottleneck> hunter = evaluate(HUNTER, latency(1800, 60));
        List<Bottleneck> scout = evaluate("risk-scout", latency(1800, 60));

        assertThat(hunter).singleElement().satisfies(b -> {
            assertThat(b.impact()).isCloseTo(20, within(1e-9));
            assertThat(b.evidence()).containsEntry("threshold", 1500.0);
        });
        assertThat(scout).isEmpty();
    }

    @Test
    void comparesTheConfiguredLatencyStatistic() {
        detector = new BottleneckDetector(DetectionConfig.defaults().withRaiseAfter(1).withLatencyStatistic("p99"),
                policy);

        // p95 1900 is within 2000, but p99 is 1900 * 1.1 = 2090
        Bottleneck slow = evaluate(HUNTER, latency(1900, 60)).get(0);

        assertThat(slow.evidence()).containsEntry("p99", 1900 * 1.1);
        assertThat(slow.description()).startsWith("p99 response time 2090 ms exceeds 2000 ms");
    }

    @Test
    void aLowSystemScoreIsRaisedWithTheSamePersistenceNamingTheWeakestAgents() {
        // health: a1 = (0.8 + 0.6) / 2 = 0.7, a2 = 0.5 (success only): system 0.6 -> HIGH, impact 15
        Map<String, AgentMetrics> fleet = Map.of(
                "a1", metrics(latency(2500, 60), ratio("successRate", 0.6, 60)),
                "a2", metrics(ratio("successRate", 0.5, 60)));

        assertThat(detector.systemScore(fleet)).hasValueCloseTo(0.6, within(1e-12));
        assertThat(detector.evaluateSystem(fleet, clock.instant())).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        List<Bottleneck> open = detector.evaluateSystem(fleet, clock.instant());

        assertThat(open).singleElement().satisfies(b -> {
            assertThat(b.type()).isEqualTo(BottleneckType.SYSTEM_SCORE);
            assertThat(b.component()).isEqualTo(Bottleneck.SYSTEM);
            assertThat(b.systemWide()).isTrue();
            assertThat(b.severity()).isEqualTo(Severity.HIGH);
            assertThat(b.impact()).isCloseTo(15, within(1e-9));
            assertThat(b.evidence()).containsEntry("agents", 2.0);
            assertThat(b.description()).isEqualTo(
                    "system score 0.60 is below 0.75 over 2 agents (least healthy: a2 0.50, a1 0.70)");
        });
    }

    @Test
    void aCriticalSystemScoreIsCritical() {
        detector = new BottleneckDetector(DetectionConfig.defaults().withRaiseAfter(1), policy);

        List<Bottleneck> open = detector.evaluateSystem(Map.of("a1", metrics(ratio("successRate", 0.45, 60))),
                clock.instant());

        assertThat(open).singleElement().satisfies(b -> {
            assertThat(b.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(b.impact()).isCloseTo(30, within(1e-9));
        });
        assertThat(detector.evaluateSystem(Map.of(), clock.instant())).as("no data keeps it open").hasSize(1);
    }

    @Test
    void forgettingAnAgentDropsItsDebounceState() {
        evaluate(HUNTER, latency(2800, 60));

        detector.forget(HUNTER);

        assertThat(evaluate(HUNTER, latency(2800, 60))).as("first breach after forgetting").isEmpty();
        assertThat(evaluate(HUNTER, latency(2800, 60))).hasSize(1);
    }

    /** Raises a p95 2800 ms bottleneck on market-hunter with the default raiseAfter of 2; returns when. */
    private Instant raiseSlowHunter() {
        evaluate(HUNTER, latency(2800, 60));
        List<Bottleneck> open = evaluate(HUNTER, latency(2800, 60));
        assertThat(open).hasSize(1);
        return open.get(0).detectedAt();
    }

    private List<Bottleneck> evaluate(String agent, MetricSummary... summaries) {
        return evaluate(agent, metrics(summaries));
    }

    private List<Bottleneck> evaluate(String agent, AgentMetrics metrics) {
        Instant now = clock.advance(Duration.ofMinutes(1));
        return detector.evaluate(agent, metrics, now);
    }
}
