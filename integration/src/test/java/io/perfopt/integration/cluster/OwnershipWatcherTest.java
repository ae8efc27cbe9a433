package io.perfopt.integration.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Members coming and going move agents, and each member hears what it gained and lost. */
class OwnershipWatcherTest {

    private static final List<String> FLEET = IntStream.range(0, 40).mapToObj(i -> "agent-" + i).toList();

    /** Records gains and losses as a set of agents currently held. */
    private static final class Held implements OwnershipListener {
        final Set<String> agents = ConcurrentHashMap.newKeySet();
        final Set<String> lost = ConcurrentHashMap.newKeySet();

        @Override
        public void gained(String agentId) {
            agents.add(agentId);
        }

        @Override
        public void lost(String agentId) {
            agents.remove(agentId);
            lost.add(agentId);
        }
    }

    @Test
    void aJoiningMemberTakesSomeAgentsAndALeavingOneHandsThemBack() {
        try (LoopbackCluster cluster = new LoopbackCluster(2, 1)) {
            Held first = new Held();
            cluster.start(ClusterStores.none()).watch(() -> FLEET, first);
            assertThat(first.agents).as("alone, a member owns the whole fleet").containsExactlyInAnyOrderElementsOf(FLEET);

            Held second = new Held();
            cluster.start(ClusterStores.none()).watch(() -> FLEET, second);
            cluster.awaitSize(2);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(second.agents).as("agents moved to the new member").isNotEmpty();
                assertThat(first.lost).containsExactlyInAnyOrderElementsOf(second.agents);
                assertThat(first.agents).doesNotContainAnyElementsOf(second.agents);
                assertThat(first.agents.size() + second.agents.size()).isEqualTo(FLEET.size());
            });
            assertThat(first.agents).as("agents the first member kept").isNotEmpty();

            cluster.get(1).leave();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(first.agents)
                    .containsExactlyInAnyOrderElementsOf(FLEET));
        }
    }

    @Test
    void belowTheMinimumSizeAMemberOwnsNothingUntilTheOthersArrive() {
        try (LoopbackCluster cluster = new LoopbackCluster(2, 2)) {
            Held first = new Held();
            cluster.start(ClusterStores.none()).watch(() -> FLEET, first);
            assertThat(first.agents).isEmpty();

            Held second = new Held();
            cluster.start(ClusterStores.none()).watch(() -> FLEET, second);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(first.agents).isNotEmpty();
                assertThat(second.agents).isNotEmpty();
                assertThat(first.agents.size() + second.agents.size()).isEqualTo(FLEET.size());
            });
        }
    }
}
