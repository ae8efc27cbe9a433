package io.perfopt.engine.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.execute.ChangeJournal;
import io.perfopt.engine.execute.InMemoryChangeJournal;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.learn.InMemoryLearningStore;
import io.perfopt.engine.learn.LearningStore;
import io.perfopt.engine.testing.ScriptedPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A journal or learning store that is down (its database, its cluster) costs a cycle's work, never an outcome. */
class FailingStoresTest {

    /** A learning store whose backing store can be switched off. */
    static final class FlakyLearning implements LearningStore {
        final InMemoryLearningStore delegate = new InMemoryLearningStore();
        volatile boolean down;

        @Override
        public LearningStats stats(ActionKey key) {
            if (down) {
                throw new IllegalStateException("learning database unreachable");
            }
            return delegate.stats(key);
        }

        @Override
        public void record(ActionKey key, LearningOutcome outcome) {
            if (down) {
                throw new IllegalStateException("learning database unreachable");
            }
            delegate.record(key, outcome);
        }

        @Override
        public Map<ActionKey, LearningStats> snapshot() {
            return delegate.snapshot();
        }
    }

    /** A journal whose backing store can be switched off. */
    static final class FlakyJournal implements ChangeJournal {
        final InMemoryChangeJournal delegate = new InMemoryChangeJournal();
        volatile boolean down;

        @Override
        public void write(JournalEntry entry) {
            check();
            delegate.write(entry);
        }

        @Override
        public void close(String id, Verdict verdict) {
            check();
            delegate.close(id, verdict);
        }

        @Override
        public List<JournalEntry> open() {
            check();
            return delegate.open();
        }

        private void check() {
            if (down) {
                throw new IllegalStateException("journal map unavailable");
            }
        }
    }

    private final FlakyJournal journal = new FlakyJournal();
    private final FlakyLearning learning = new FlakyLearning();
    private final LoopHarness h = new LoopHarness(journal, learning);

    @AfterEach
    void close() {
        h.loop.close();
    }

    @Test
    void anOutcomeTheLearningStoreCannotTakeWaitsForTheNextCycle() {
        h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.after(30);
        h.after(5);
        learning.down = true;

        CycleReport verdict = h.after(40);

        assertThat(verdict.results()).extracting(r -> r.verdict()).containsExactly(Verdict.IMPROVED);
        assertThat(verdict.errors()).anyMatch(e -> e.contains("learning cannot be recorded now (1 outcomes wait)"));
        assertThat(learning.snapshot()).isEmpty();

        learning.down = false;
        h.after(5);

        assertThat(learning.snapshot().values()).extracting(LearningStats::trials).containsExactly(1L);
    }

    @Test
    void unreadableLearningPlansAsIfNothingWereLearned() {
        h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.after(30);
        learning.down = true;

        CycleReport report = h.after(5);

        assertThat(report.applied()).hasSize(1);
        assertThat(report.errors()).anyMatch(e -> e.startsWith("learning could not be read"));
    }

    @Test
    void anUnreadableJournalStopsChangesButNotTheCycle() {
        h.fleet.add("a1", 7);
        h.start(ScriptedPlugin.scaling("cache", "cache.size", 4, 0.1));
        h.after(30);
        journal.down = true;

        CycleReport report = h.after(5);

        assertThat(report.applied()).isEmpty();
        assertThat(report.bottlenecks()).isNotEmpty();
        assertThat(report.errors()).anyMatch(e -> e.contains("the change journal cannot be read"));
        assertThat(h.fleet.agent("a1").knob("cache.size").value()).isEqualTo(100);

        journal.down = false;
        assertThat(h.after(5).applied()).hasSize(1);
    }
}
