package io.perfopt.integration.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.command.Command;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.execute.JournalState;
import io.perfopt.integration.app.PerfoptApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three perfopt nodes, each a real member, against one simulated fleet. */
class ThreeMemberFleetTest {

    private static final Duration TICK = Duration.ofSeconds(10);

    private ClusterFleet run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void eachAgentIsOptimizedByExactlyOneMember() throws Exception {
        run = new ClusterFleet(3, 2);

        for (int i = 0; i < 40 && !everyNodeChangedAKnob(); i++) {
            run.round(TICK);
        }

        Set<String> seen = new HashSet<>();
        run.reports.forEach((node, reports) -> {
            List<String> owned = run.ownedAtStart.get(node);
            assertThat(owned).as("agents of %s", node).hasSize(2);
            assertThat(reports).as("cycles of %s", node).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.agents()).as("agents in a cycle of %s", node)
                            .containsExactlyInAnyOrderElementsOf(owned));
            assertThat(seen).as("agents of another node").doesNotContainAnyElementsOf(owned);
            seen.addAll(owned);
        });
        assertThat(seen).as("the union of the nodes' agents").containsExactlyInAnyOrderElementsOf(
                run.fleet.agents().stream().map(a -> a.id()).toList());
        run.changedBy.forEach((agent, nodes) -> assertThat(Set.copyOf(nodes))
                .as("nodes whose cycles changed a knob of %s", agent).containsExactly(ownerAtStart(agent)));
        run.ownedAtStart.keySet().forEach(node -> assertThat(run.changedBy.values().stream()
                .anyMatch(nodes -> nodes.contains(node))).as("%s changed a knob", node).isTrue());
        assertThat(run.changedBy.keySet().stream().mapToInt(a -> run.history(a).size()).sum())
                .as("knob changes in the simulator's history, all attributed")
                .isEqualTo(run.changedBy.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void aMemberKilledDuringAVerificationWindowLeavesNoUnjudgedChange() throws Exception {
        run = new ClusterFleet(3, 2);
        JournalEntry open = null;
        PerfoptApplication victim = null;
        for (int i = 0; i < 40 && open == null; i++) {
            run.round(TICK);
            for (PerfoptApplication node : run.live) {
                Optional<JournalEntry> applied = node.loop().changesInFlight().stream()
                        .filter(e -> e.state() == JournalState.APPLIED).findFirst();
                if (applied.isPresent()) {
                    open = applied.get();
                    victim = node;
                    break;
                }
            }
        }
        assertThat(open).as("a change applied and awaiting its verdict").isNotNull();
        String agent = open.agentId();
        KnobChange change = open.strategy().changes().get(0);
        assertThat(run.fleet.agent(agent).knob(change.knob()).value()).isEqualTo(change.to());
        assertThat(run.clock.instant()).as("still inside the verification window").isBefore(open.judgeAt());

        run.kill(victim);
        PerfoptApplication heir = await().atMost(Duration.ofSeconds(60)).until(() -> newOwner(agent),
                Optional::isPresent).orElseThrow();

        // no new changes from here on: the survivors only finish what is open, so the knob tells the outcome
        run.live.forEach(n -> n.loop().commands().handle(new Command.Pause()));
        List<OptimizationResult> verdicts = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 20 && !heir.cluster().journal().open().isEmpty(); i++) {
            run.round(TICK);
            CycleReport last = lastReport(heir);
            String id = open.id();
            last.results().stream().filter(r -> r.strategy().id().equals(id)).forEach(verdicts::add);
            decisions.addAll(last.decisions());
        }

        String orphan = open.id();
        assertThat(heir.cluster().journal().open()).as("open journal entries").isEmpty();
        assertThat(decisions).anyMatch(d -> d.startsWith("took over change " + orphan));
        assertThat(verdicts).as("verdicts on the orphaned change").hasSize(1);
        Verdict verdict = verdicts.get(0).verdict();
        double knob = run.fleet.agent(agent).knob(change.knob()).value();
        if (verdict == Verdict.IMPROVED) {
            assertThat(knob).as("a kept change stays").isEqualTo(change.to());
        } else {
            assertThat(knob).as("a change judged %s is rolled back", verdict).isEqualTo(change.from());
        }
    }

    private boolean everyNodeChangedAKnob() {
        return run.ownedAtStart.keySet().stream()
                .allMatch(node -> run.changedBy.values().stream().anyMatch(nodes -> nodes.contains(node)));
    }

    private String ownerAtStart(String agent) {
        return run.ownedAtStart.entrySet().stream().filter(e -> e.getValue().contains(agent)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** The one surviving node that now owns the agent, once the cluster has settled. */
    private Optional<PerfoptApplication> newOwner(String agent) {
        List<PerfoptApplication> owners = run.live.stream()
                .filter(n -> n.cluster().member().getCluster().getMembers().size() == run.live.size())
                .filter(n -> n.cluster().ownership().test(agent)).toList();
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }

    private CycleReport lastReport(PerfoptApplication node) {
        List<CycleReport> reports = run.reports.get(ClusterFleet.nodeId(node));
        return reports.get(reports.size() - 1);
    }
}
