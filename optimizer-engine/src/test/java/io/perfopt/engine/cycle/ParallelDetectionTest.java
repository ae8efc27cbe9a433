package io.perfopt.engine.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.Origin;
import io.perfopt.engine.testing.FakeAgent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Detection and forecasting split over threads report what one thread reports, in the same order. */
class ParallelDetectionTest {

    private static final int AGENTS = 1_000; // four partitions of 250

    @Test
    void aFleetDetectedOnFourThreadsReportsWhatOneThreadReports() {
        List<CycleReport> one = cycles(1);
        List<CycleReport> four = cycles(4);

        for (int c = 0; c < one.size(); c++) {
            assertThat(four.get(c).bottlenecks()).as("bottlenecks of cycle %d", c).isEqualTo(one.get(c).bottlenecks());
            assertThat(four.get(c).systemScore()).as("system score of cycle %d", c).isEqualTo(one.get(c).systemScore());
            assertThat(four.get(c).decisions()).as("decisions of cycle %d", c).isEqualTo(one.get(c).decisions());
        }
        CycleReport last = one.get(one.size() - 1);
        assertThat(last.bottlenecks()).as("reactive and forecast bottlenecks to compare")
                .anyMatch(b -> b.origin() == Origin.REACTIVE).anyMatch(b -> b.origin() == Origin.PROACTIVE);
        assertThat(last.decisions()).as("stale agents to compare").anyMatch(d -> d.contains("is stale"));
    }

    /** The same seeded fleet, same clock: slow, failing, drifting and silent agents among healthy ones. */
    private static List<CycleReport> cycles(int threads) {
        LoopHarness h = new LoopHarness();
        List<FakeAgent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            FakeAgent agent = h.fleet.add(String.format("agent-%04d", i), i);
            agent.set("cache.size", i % 10 == 0 ? 100 : 2000); // 100: about 2,600 ms, slow
            if (i % 10 == 1) {
                agent.set("confidence.threshold", 0.95); // success rate about 0.59, failing
            }
            if (i % 10 == 2) {
                agent.drift(3); // heading for the threshold: forecast
            }
            agents.add(agent);
        }
        h.start(LoopHarness.testConfig().detectionThreads(threads).build());
        try {
            List<CycleReport> reports = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                agents.get(c * 97).silent(c >= 5); // a few go quiet: stale by the last cycles
                reports.add(h.after(15));
            }
            return reports;
        } finally {
            h.loop.close();
        }
    }
}
