package io.perfopt.engine.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.execute.ChangeJournal;
import io.perfopt.engine.execute.InMemoryChangeJournal;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.learn.InMemoryLearningStore;
import io.perfopt.engine.testing.FakeAgent;
import io.perfopt.engine.testing.ScriptedPlugin;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A change the journal refuses (no quorum, agent moved, database down) is never applied, and the cycle goes on. */
class JournalRefusalTest {

    /** A journal that refuses every write, as a cluster member below its minimum size does. */
    private static final class RefusingJournal implements ChangeJournal {
        final InMemoryChangeJournal inner = new InMemoryChangeJournal();

        @Override
        public void write(JournalEntry entry) {
            throw new IllegalStateException("split brain protection: below the minimum cluster size");
        }

        @Override
        public void close(String id, Verdict verdict) {
            inner.close(id, verdict);
        }

        @Override
        public List<JournalEntry> open() {
            return inner.open();
        }
    }

    private final LoopHarness harness = new LoopHarness(new RefusingJournal(), new InMemoryLearningStore());

    @AfterEach
    void close() {
        harness.loop.close();
    }

    @Test
    void aChangeTheJournalRefusesIsNotApplied() {
        FakeAgent agent = harness.fleet.add("a1", 7);
        harness.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        harness.after(30);

        CycleReport report = harness.after(5);

        assertThat(report.applied()).isEmpty();
        assertThat(report.results()).extracting(OptimizationResult::verdict).containsExactly(Verdict.FAILED);
        assertThat(report.results().get(0).explanation()).contains("journal refused");
        assertThat(agent.knob("cache.size").value()).as("the agent untouched").isEqualTo(100);
    }
}
