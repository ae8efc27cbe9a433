package io.perfopt.engine.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.testing.FakeAgent;
import io.perfopt.engine.testing.ScriptedPlugin;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OptimizationLoopTest {

    private final LoopHarness h = new LoopHarness();

    @AfterEach
    void close() {
        if (h.loop != null) {
            h.loop.close();
        }
    }

    /** Two evaluations over threshold raise the bottleneck; the second cycle applies the fix. */
    private FakeAgent slowAgentWithChangeApplied(ScriptedPlugin plugin) {
        FakeAgent agent = h.fleet.add("a1", 7);
        h.start(plugin);
        h.after(30);
        CycleReport second = h.after(5);
        assertThat(second.applied()).as("a change applied once the bottleneck persisted").hasSize(1);
        return agent;
    }

    @Test
    void keepsAHelpfulChangeAndReportsTheImprovementTheSamplesShow() {
        FakeAgent agent = slowAgentWithChangeApplied(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));

        CycleReport verdict = h.after(40);

        assertThat(verdict.results()).hasSize(1);
        OptimizationResult result = verdict.results().get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(agent.knob("cache.size").value()).isEqualTo(400);
        assertThat(result.actualImprovement()).isBetween(30.0, 55.0);
        assertThat(result.actualImprovement()).isCloseTo(hodgesLehmannImprovement(result), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(result.pValue()).isLessThan(0.001);
        assertThat(result.explanation()).contains("raise cache.size 100→400 on a1").contains("kept");
        assertThat(h.journal.open()).isEmpty();
        assertThat(verdict.impact().successful()).isEqualTo(1);
    }

    @Test
    void rollsBackAChangeThatMadeResponseTimeWorseAndRestoresTheKnob() {
        FakeAgent agent = slowAgentWithChangeApplied(ScriptedPlugin.scaling("threads", "worker.threads", 8, 0.1));
        assertThat(agent.knob("worker.threads").value()).isEqualTo(64);

        OptimizationResult result = h.after(40).results().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(result.actualImprovement()).isNegative();
        assertThat(agent.knob("worker.threads").value()).isEqualTo(8);
        assertThat(result.explanation()).contains("rolled back");
        assertThat(h.journal.open()).isEmpty();
    }

    @Test
    void rollsBackAChangeWithoutEffect() {
        FakeAgent agent = slowAgentWithChangeApplied(ScriptedPlugin.scaling("noise", "log.verbosity", 3, 0.1));

        OptimizationResult result = h.after(40).results().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_EFFECT);
        assertThat(agent.knob("log.verbosity").value()).isEqualTo(3);
    }

    @Test
    void afterARollbackTheNextChangeWaitsForAWholeBaselineWindow() {
        slowAgentWithChangeApplied(ScriptedPlugin.scaling("noise", "log.verbosity", 3, 0.1));
        assertThat(h.after(40).results()).extracting(OptimizationResult::verdict).containsExactly(Verdict.NO_EFFECT);

        CycleReport tooSoon = h.after(10);

        assertThat(tooSoon.applied()).isEmpty();
        assertThat(tooSoon.decisions()).anyMatch(d -> d.startsWith("waiting for a full baseline on a1"));
        assertThat(h.after(30).applied()).hasSize(1);
    }

    @Test
    void theFirstChangeOfAnAgentWaitsForAWholeBaselineWindowToo() {
        h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.after(10);

        CycleReport tooSoon = h.after(10);

        assertThat(tooSoon.bottlenecks()).as("the bottleneck has persisted").isNotEmpty();
        assertThat(tooSoon.applied()).isEmpty();
        assertThat(tooSoon.decisions()).anyMatch(d -> d.startsWith("waiting for a full baseline on a1: 19 of 30 s")
                && d.endsWith("since its first sample"));
        assertThat(h.after(15).applied()).hasSize(1);
    }

    @Test
    void rollsBackAnInconclusiveChangeWhenTheAgentStopsReporting() {
        FakeAgent agent = slowAgentWithChangeApplied(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        agent.silent(true);

        assertThat(h.after(40).results()).as("still within the grace time").isEmpty();
        OptimizationResult result = h.after(30).results().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.explanation()).contains("too few responseTimeMs samples");
        assertThat(agent.knob("cache.size").value()).isEqualTo(100);
    }

    @Test
    void anActuatorFailureLeavesTheOldValue() {
        FakeAgent agent = h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.after(30);
        h.fleet.failNextApplies(1);

        CycleReport report = h.after(5);

        assertThat(report.applied()).isEmpty();
        assertThat(report.results()).extracting(OptimizationResult::verdict).containsExactly(Verdict.FAILED);
        assertThat(report.results().get(0).explanation()).contains("agent answered 500").contains("old values kept");
        assertThat(agent.knob("cache.size").value()).isEqualTo(100);
        assertThat(h.journal.open()).isEmpty();
    }

    @Test
    void aShortSpikeRaisesNoBottleneck() {
        FakeAgent agent = h.fleet.add("a1", 7);
        agent.set("cache.size", 2000);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 2, 0.1));
        agent.set("cache.size", 0);
        h.after(30);
        agent.set("cache.size", 2000);

        CycleReport afterSpike = h.after(35);

        assertThat(afterSpike.bottlenecks()).isEmpty();
        assertThat(h.applied()).isEmpty();
    }

    @Test
    void aRisingTrendYieldsAProactiveStrategyBeforeTheBreach() {
        FakeAgent agent = h.fleet.add("a1", 7);
        agent.set("cache.size", 2000);
        agent.drift(3); // +3 ms every second
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 2, 0.1));

        CycleReport proactive = null;
        for (int i = 0; i < 12 && proactive == null; i++) {
            CycleReport report = h.after(30);
            if (!report.applied().isEmpty()) {
                proactive = report;
            }
        }

        assertThat(proactive).as("a change applied within 6 minutes").isNotNull();
        assertThat(proactive.strategies().get(0).origin()).isEqualTo(Origin.PROACTIVE);
        assertThat(proactive.bottlenecks()).noneMatch(b -> b.origin() == Origin.REACTIVE);
        assertThat(agent.trueResponseTime()).isLessThan(2000);
    }

    @Test
    void aRiskyStrategyWaitsForApprovalAndRunsOnceApproved() {
        FakeAgent agent = h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.6));
        h.after(30);

        CycleReport proposed = h.after(5);

        assertThat(proposed.applied()).isEmpty();
        assertThat(proposed.awaitingApproval()).hasSize(1);
        assertThat(proposed.results()).extracting(OptimizationResult::verdict).containsExactly(Verdict.AWAITING_APPROVAL);
        assertThat(agent.knob("cache.size").value()).isEqualTo(100);
        String id = proposed.awaitingApproval().get(0);

        assertThat(h.loop.commands().handle(new io.perfopt.engine.command.Command.Approve(id)).accepted()).isTrue();
        CycleReport approved = h.after(5);

        assertThat(approved.applied()).containsExactly(id);
        assertThat(agent.knob("cache.size").value()).isEqualTo(400);
        assertThat(h.after(40).results()).extracting(OptimizationResult::verdict).containsExactly(Verdict.IMPROVED);
    }

    @Test
    void anApprovalGrantedBeforeTheBaselineIsWholeWaitsForItInsteadOfBeingDropped() {
        FakeAgent agent = h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.6));
        h.after(10);
        String id = h.after(10).awaitingApproval().get(0);

        h.loop.commands().handle(new io.perfopt.engine.command.Command.Approve(id));
        CycleReport tooSoon = h.after(5);

        assertThat(tooSoon.applied()).isEmpty();
        assertThat(tooSoon.decisions()).anyMatch(d -> d.startsWith("approved " + id + " waits: waiting for a full baseline"));
        assertThat(h.loop.approvals()).extracting(w -> w.candidate().strategy().id()).containsExactly(id);
        assertThat(h.after(10).applied()).containsExactly(id);
        assertThat(agent.knob("cache.size").value()).isEqualTo(400);
    }

    @Test
    void aRejectedStrategyIsReportedAndNeverApplied() {
        FakeAgent agent = h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.6));
        h.after(30);
        String id = h.after(5).awaitingApproval().get(0);

        h.loop.commands().handle(new io.perfopt.engine.command.Command.Reject(id, "not during trading hours"));
        CycleReport next = h.after(5);

        assertThat(next.results()).anyMatch(r -> r.verdict() == Verdict.REJECTED
                && r.explanation().contains("not during trading hours"));
        assertThat(agent.knob("cache.size").value()).isEqualTo(100);
    }

    @Test
    void autonomyRisesWithKeptChanges() {
        h.fleet.add("a1", 7);
        h.fleet.add("a2", 8);
        h.fleet.add("a3", 9);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.after(30);
        h.after(5);

        CycleReport verdicts = h.after(40);

        assertThat(verdicts.results()).hasSize(3).allMatch(OptimizationResult::kept);
        assertThat(verdicts.autonomyLevel()).isEqualTo(0.95);
    }

    @Test
    void aPausedLoopStartsNoChangeButStillJudgesTheOneInFlight() {
        slowAgentWithChangeApplied(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.loop.commands().handle(new io.perfopt.engine.command.Command.Pause());

        CycleReport paused = h.after(40);

        assertThat(paused.results()).hasSize(1);
        assertThat(paused.decisions()).contains("paused: no new changes this cycle");
        assertThat(h.loop.status().paused()).isTrue();
    }

    @Test
    void aStaleAgentIsNeverActedOn() {
        FakeAgent agent = h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.after(30);
        agent.silent(true);

        CycleReport report = h.after(15);

        assertThat(report.applied()).isEmpty();
        assertThat(report.decisions()).anyMatch(d -> d.startsWith("a1 is stale"));
    }

    @Test
    void focusLimitsPlanningToOneAgent() {
        h.fleet.add("a1", 7);
        h.fleet.add("a2", 8);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.loop.commands().handle(new io.perfopt.engine.command.Command.FocusAgent("a2", 5));
        h.after(30);

        CycleReport report = h.after(5);

        assertThat(report.strategies()).extracting(s -> s.target()).containsOnly("a2");
    }

    @Test
    void learnsFromEveryJudgedChange() {
        slowAgentWithChangeApplied(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        OptimizationResult result = h.after(40).results().get(0);

        var stats = h.learning.stats(result.strategy().actionKey());

        assertThat(stats.trials()).isEqualTo(1);
        assertThat(stats.successes()).isEqualTo(1);
        assertThat(stats.meanImprovement()).isEqualTo(result.actualImprovement());
        assertThat(result.strategy().actionKey().type()).isEqualTo(BottleneckType.RESPONSE_TIME);
    }

    /** The Hodges–Lehmann shift of the result's own samples relative to their median before, lower is better. */
    private static double hodgesLehmannImprovement(OptimizationResult result) {
        double[] before = result.beforeSamples().stream().mapToDouble(Double::doubleValue).toArray();
        double[] after = result.afterSamples().stream().mapToDouble(Double::doubleValue).toArray();
        double[] diffs = new double[before.length * after.length];
        int k = 0;
        for (double a : after) {
            for (double b : before) {
                diffs[k++] = a - b;
            }
        }
        Arrays.sort(diffs);
        double[] sortedBefore = before.clone();
        Arrays.sort(sortedBefore);
        return -median(diffs) / median(sortedBefore) * 100;
    }

    private static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
