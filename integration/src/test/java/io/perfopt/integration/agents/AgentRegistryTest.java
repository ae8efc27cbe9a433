package io.perfopt.integration.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.api.AgentDescriptor;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {

    private final AgentRegistry registry = new AgentRegistry();
    private final List<AgentChange> changes = new CopyOnWriteArrayList<>();

    @Test
    void announcesARegisteredAgentAndDescribesIt() {
        registry.addListener(changes::add);
        AgentConfig agent = new AgentConfig("mh", "market-hunter", Set.of("trading"), MetricsSource.push(), null,
                Map.of(), null);

        List<ConfigProblem> problems = registry.register(agent);

        assertThat(problems).isEmpty();
        assertThat(changes).containsExactly(new AgentChange(AgentChange.Kind.ADDED, null, agent));
        assertThat(registry.get("mh")).isEqualTo(agent);
        assertThat(registry.descriptor("mh")).isEqualTo(new AgentDescriptor("mh", "market-hunter", Set.of("trading")));
    }

    @Test
    void announcesAChangedRegistrationAsAnUpdateAndAnIdenticalOneNotAtAll() {
        AgentConfig first = pushAgent("a1");
        AgentConfig moved = AgentConfig.of("a1", MetricsSource.json(URI.create("http://10.0.0.2/metrics")));
        registry.register(first);
        registry.addListener(changes::add);

        registry.register(first);
        registry.register(moved);

        assertThat(changes).containsExactly(
                new AgentChange(AgentChange.Kind.ADDED, null, first),
                new AgentChange(AgentChange.Kind.UPDATED, first, moved));
    }

    @Test
    void deregistersARunTimeAgentAndSaysWhenThereIsNone() {
        registry.register(pushAgent("a1"));
        registry.addListener(changes::add);

        assertThat(registry.deregister("a1")).isEmpty();
        assertThat(registry.deregister("a1")).extracting(ConfigProblem::message)
                .containsExactly("no agent a1 is registered");
        assertThat(changes).extracting(AgentChange::kind).containsExactly(AgentChange.Kind.ADDED, AgentChange.Kind.REMOVED);
        assertThat(registry.find("a1")).isEmpty();
        assertThatThrownBy(() -> registry.descriptor("a1"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no agent a1 is registered");
    }

    @Test
    void keepsAgentsDeclaredInTheFileOutOfReachOfRegistrations() {
        AgentConfig declared = pushAgent("mh");
        AgentRegistry fleet = new AgentRegistry(List.of(declared));

        assertThat(fleet.register(AgentConfig.of("mh", MetricsSource.json(URI.create("http://evil.example/m")))))
                .extracting(ConfigProblem::message).containsExactly("agent mh is declared in agents.yaml; change it there");
        assertThat(fleet.deregister("mh")).extracting(ConfigProblem::message)
                .containsExactly("agent mh is declared in agents.yaml; remove it there");
        assertThat(fleet.get("mh")).isEqualTo(declared);
        assertThat(fleet.isDeclaredInFile("mh")).isTrue();
    }

    @Test
    void reloadingTheFileAddsUpdatesAndRemovesDeclaredAgentsOnly() {
        registry.loadFile(List.of(pushAgent("keep"), pushAgent("drop")));
        registry.register(pushAgent("runtime"));
        registry.addListener(changes::add);
        changes.clear();
        AgentConfig changed = AgentConfig.of("keep", MetricsSource.json(URI.create("http://keep.local/m")));

        registry.loadFile(List.of(changed, pushAgent("new")));

        assertThat(changes).extracting(AgentChange::kind, AgentChange::agentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AgentChange.Kind.REMOVED, "drop"),
                org.assertj.core.groups.Tuple.tuple(AgentChange.Kind.UPDATED, "keep"),
                org.assertj.core.groups.Tuple.tuple(AgentChange.Kind.ADDED, "new"));
        assertThat(registry.agents()).extracting(AgentConfig::id).containsExactly("keep", "new", "runtime");
    }

    @Test
    void readsARegistrationTextAndReportsItsProblemsWithLocations() {
        List<ConfigProblem> accepted = registry.register("""
                {"id": "a7", "metrics": {"format": "push"}}""", "POST /api/agents");
        List<ConfigProblem> refused = registry.register("""
                {"id": "a8",
                 "metrics": {"format": "json", "url": "http://x/${HOME}"}}""", "POST /api/agents");

        assertThat(accepted).isEmpty();
        assertThat(registry.find("a7")).isPresent();
        assertThat(refused).extracting(ConfigProblem::toString).containsExactly("POST /api/agents:2:39: metrics.url: "
                + "environment references such as ${HOME} are not allowed in run-time registrations");
        assertThat(registry.find("a8")).isEmpty();
    }

    @Test
    void tellsANewListenerOfTheAgentsAlreadyThere() {
        registry.register(pushAgent("b"));
        registry.register(pushAgent("a"));

        registry.addListener(changes::add);

        assertThat(changes).extracting(AgentChange::kind).containsOnly(AgentChange.Kind.ADDED);
        assertThat(changes).extracting(AgentChange::agentId).containsExactly("a", "b");
    }

    @Test
    void aFailingListenerDoesNotKeepOthersFromHearing() {
        registry.addListener(change -> {
            throw new IllegalStateException("route could not be created");
        });
        registry.addListener(changes::add);

        registry.register(pushAgent("a1"));

        assertThat(changes).hasSize(1);
        assertThat(registry.find("a1")).isPresent();
    }

    @Test
    void concurrentRegistrationsAndDeregistrationsAreAnnouncedInTheOrderTheyTookEffect() throws Exception {
        registry.addListener(changes::add);
        int threads = 8;
        int operations = 500;
        List<String> ids = List.of("a0", "a1", "a2", "a3", "a4");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < operations; i++) {
                        String id = ids.get((seed * 7 + i) % ids.size());
                        if ((seed + i) % 2 == 0) {
                            registry.register(pushAgent(id));
                        } else {
                            registry.deregister(id);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // Replaying the announcements must give exactly the registry's final state, and no agent may be
        // announced as added while present or removed while absent.
        Map<String, Boolean> present = new HashMap<>();
        for (AgentChange change : changes) {
            boolean wasPresent = present.getOrDefault(change.agentId(), false);
            assertThat(change.kind()).as("announcement for %s", change.agentId())
                    .isEqualTo(wasPresent ? AgentChange.Kind.REMOVED : AgentChange.Kind.ADDED);
            present.put(change.agentId(), !wasPresent);
        }
        for (String id : ids) {
            assertThat(registry.find(id).isPresent()).as("agent %s", id).isEqualTo(present.getOrDefault(id, false));
        }
        assertThat(changes).hasSizeGreaterThan(ids.size());
    }

    private static AgentConfig pushAgent(String id) {
        return AgentConfig.of(id, MetricsSource.push());
    }
}
