package io.perfopt.engine.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.execute.InMemoryChangeJournal;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.execute.JournalState;
import io.perfopt.engine.learn.InMemoryLearningStore;
import io.perfopt.engine.testing.FakeAgent;
import io.perfopt.engine.testing.ScriptedPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A loop that stops between apply and verdict leaves its change to the next loop over the same journal. */
class JournalReplayTest {

    private final InMemoryChangeJournal journal = new InMemoryChangeJournal();
    private final LoopHarness first = new LoopHarness(journal, new InMemoryLearningStore());

    @AfterEach
    void close() {
        first.loop.close();
    }

    @Test
    void anAppliedChangeIsJudgedByTheNextOwnerAfterACrash() {
        FakeAgent agent = first.fleet.add("a1", 7);
        first.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        first.after(30);
        assertThat(first.after(5).applied()).hasSize(1);
        first.fleet.run(java.time.Duration.ofSeconds(10));
        first.loop.close(); // the node dies mid-window

        OptimizationLoop successor = OptimizationLoop.builder()
                .config(LoopHarness.testConfig().nodeId("node-2").build()).clock(first.clock)
                .agents(first.fleet.directory()).plugins(io.perfopt.engine.plan.PluginSource.of(java.util.List.of()))
                .actuator(first.fleet).journal(journal).learning(new InMemoryLearningStore()).build();
        first.fleet.feed(successor.metrics());
        first.fleet.run(java.time.Duration.ofSeconds(40));

        CycleReport report = successor.runCycle();
        successor.close();

        assertThat(report.decisions()).anyMatch(d -> d.startsWith("took over change") && d.contains("node-1"));
        assertThat(report.results()).extracting(OptimizationResult::verdict).containsExactly(Verdict.IMPROVED);
        assertThat(agent.knob("cache.size").value()).isEqualTo(400);
        assertThat(journal.open()).isEmpty();
    }

    @Test
    void aChangeInterruptedBeforeItWasConfirmedIsUndone() {
        FakeAgent agent = first.fleet.add("a1", 7);
        first.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        first.after(30);
        first.after(5);
        JournalEntry applied = journal.open().get(0);
        // as if the node had died after writing the entry and sending the change, before marking it applied
        journal.write(applied.withState(JournalState.PENDING, null));

        CycleReport report = first.after(1);

        assertThat(report.results()).extracting(OptimizationResult::verdict).containsExactly(Verdict.FAILED);
        assertThat(report.results().get(0).explanation()).contains("interrupted").contains("old values restored");
        assertThat(agent.knob("cache.size").value()).isEqualTo(100);
        assertThat(journal.open()).isEmpty();
    }
}
