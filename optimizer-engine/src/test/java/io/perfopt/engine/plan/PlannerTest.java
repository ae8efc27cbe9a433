package io.perfopt.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Severity;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.time.ManualClock;
import io.perfopt.engine.learn.InMemoryLearningStore;
import io.perfopt.engine.learn.ThompsonSampler;
import io.perfopt.engine.testing.ScriptedPlugin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private final InMemoryLearningStore learning = new InMemoryLearningStore();
    private final PluginRunner runner = new PluginRunner(Duration.ofSeconds(1), 3, clock);
    private final AgentDescriptor agent = AgentDescriptor.of("a1", "fake");
    private final List<Knob> knobs = List.of(Knob.ofInt("cache.size", 0, 5000, 100, "latency"),
            Knob.ofInt("worker.threads", 1, 64, 8, "latency"));
    private final Bottleneck slow = new Bottleneck(BottleneckType.RESPONSE_TIME, Severity.HIGH, "a1", "responseTimeMs",
            "p95 response time 2800 ms exceeds 2000 ms", 40, "", Map.of(), Origin.REACTIVE, clock.instant());
    private final ScriptedPlugin cache = ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1);
    private final ScriptedPlugin threads = ScriptedPlugin.scaling("threads", "worker.threads", 2, 0.1);

    @AfterEach
    void close() {
        runner.close();
    }

    private Planner planner(long seed) {
        return new Planner(PluginSource.of(List.of(cache, threads)), runner, learning, new ThompsonSampler(seed));
    }

    private List<RankedStrategy> plan(Planner planner) {
        AtomicInteger ids = new AtomicInteger();
        return planner.plan(agent, List.of(slow), knobs, AgentMetrics.empty(), 1.0, List.of(), () -> "s" + ids.incrementAndGet());
    }

    private int cacheChosenOf(int plans, Planner planner) {
        int chosen = 0;
        for (int i = 0; i < plans; i++) {
            if (plan(planner).get(0).strategy().pluginId().equals("cache")) {
                chosen++;
            }
        }
        return chosen;
    }

    @Test
    void untriedProposalsStartEvenAndExpectSeventyPercentOfTheImpact() {
        List<RankedStrategy> ranked = plan(planner(1));

        assertThat(ranked).hasSize(2);
        assertThat(ranked).allSatisfy(r -> assertThat(r.strategy().expectedImprovement()).isEqualTo(28.0));
        assertThat(cacheChosenOf(400, planner(2))).isBetween(140, 260);
    }

    @Test
    void learningMovesTheChoiceTowardTheActionThatWorked() {
        var cacheKey = plan(planner(1)).stream().filter(r -> r.strategy().pluginId().equals("cache"))
                .findFirst().orElseThrow().strategy().actionKey();
        var threadsKey = plan(planner(1)).stream().filter(r -> r.strategy().pluginId().equals("threads"))
                .findFirst().orElseThrow().strategy().actionKey();
        for (int i = 0; i < 4; i++) {
            learning.record(cacheKey, new LearningOutcome(Verdict.IMPROVED, 35));
            learning.record(threadsKey, new LearningOutcome(Verdict.DEGRADED, -40));
        }

        assertThat(cacheChosenOf(400, planner(3))).isGreaterThan(380);
        RankedStrategy threadsNow = plan(planner(4)).stream().filter(r -> r.strategy().pluginId().equals("threads"))
                .findFirst().orElseThrow();
        assertThat(threadsNow.strategy().risk()).as("degradations raise the risk").isGreaterThan(0.35);
    }

    @Test
    void theSameSeedRanksTheSameWay() {
        assertThat(plan(planner(5)).get(0).strategy().pluginId()).isEqualTo(plan(planner(5)).get(0).strategy().pluginId());
    }
}
