package io.perfopt.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The cluster benchmark on a tiny scale: updates go through without loss, and a dead node's agents are taken over. */
class ClusterSmokeTest {

    @Test
    void learningUpdatesThroughTheEntryProcessorAreAllCounted() throws Exception {
        // updates() throws when the trials counted differ from the records made
        ClusterBenchmark.Updates u = ClusterBenchmark.updates(1, Duration.ofMillis(300), 2, 50);

        assertThat(u.inMemory()).singleElement().satisfies(v -> assertThat(v).isPositive());
        assertThat(u.oneMember()).singleElement().satisfies(v -> assertThat(v).isPositive());
        assertThat(u.threeMembers()).singleElement().satisfies(v -> assertThat(v).isPositive());
    }

    @Test
    void theAgentsOfAKilledNodeAreOwnedAndPolledByTheSurvivors() throws Exception {
        Failover.Result r = Failover.run(1, 6);

        assertThat(r.ownedMs()).singleElement().satisfies(ms -> assertThat(ms).isPositive());
        assertThat(r.servedMs().get(0)).isGreaterThanOrEqualTo(r.ownedMs().get(0));
    }
}
