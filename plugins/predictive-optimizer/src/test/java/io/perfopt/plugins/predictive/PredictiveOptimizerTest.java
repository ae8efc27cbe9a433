package io.perfopt.plugins.predictive;

import static io.perfopt.api.knob.ChangeDirection.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictiveOptimizerTest {

    private final PredictiveOptimizer plugin = new PredictiveOptimizer();

    private final FakeContext hunter = FakeContext.agent("mh-1", "market-hunter")
            .forecast(BottleneckType.RESPONSE_TIME)
            .knobs(Knob.ofInt("cache.size", 0, 20000, 1000, "latency", "cache", "resource"),
                    Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency", "capacity", "resource"),
                    Knob.ofInt("query.breadth", 1, 50, 10, "query", "success"));

    @Test
    void takesForecastsOnlyNeverObservedBreaches() {
        assertThat(plugin.handles(hunter.build().bottleneck())).isTrue();
        assertThat(plugin.handles(hunter.bottleneck(BottleneckType.RESPONSE_TIME).build().bottleneck())).isFalse();
    }

    @Test
    void addsCapacityGentlyAndCheaply() {
        List<Proposal> proposals = plugin.propose(hunter.build());

        assertThat(proposals).extracting(Proposal::knobKey).containsExactly("cache.size", "worker.threads");
        assertThat(proposals).allSatisfy(p -> {
            assertThat(p.changes().get(0).direction()).isEqualTo(UP);
            assertThat(p.step()).isEqualTo("x1.3");
            assertThat(p.risk()).isLessThanOrEqualTo(0.1);
        });
    }

    @Test
    void aRolledBackRaiseIsFollowedByASmallerRaiseNeverByALowering() {
        PlanningContext context = hunter.tried("worker.threads", 10, Verdict.DEGRADED, -4).build();

        Proposal threads = plugin.propose(context).stream().filter(p -> p.knobKey().equals("worker.threads"))
                .findFirst().orElseThrow();

        assertThat(threads.changes().get(0).to()).isEqualTo(9);
        assertThat(threads.step()).isEqualTo("x1.15");
    }

    @Test
    void leavesAKnobWithoutHeadroomAlone() {
        PlanningContext context = hunter.knobs(Knob.ofInt("worker.threads", 1, 64, 60, "capacity")).build();

        assertThat(plugin.propose(context)).extracting(Proposal::knobKey).containsExactly("cache.size");
    }
}
