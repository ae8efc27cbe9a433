package io.perfopt.engine.execute;

import io.perfopt.api.optimization.Verdict;
import java.util.List;

/**
 * Port: the write-ahead journal of changes awaiting their verdict. A change is written before
 * it reaches the agent and closed only once judged and kept or undone, so a crash between apply
 * and verdict never leaves an unjudged change behind: the next owner replays what is open.
 * The cluster implementation keeps it in a replicated map; the in-memory one is for one node
 * without persistence, and for tests.
 */
public interface ChangeJournal {

    /** Inserts or replaces the entry of that id. */
    void write(JournalEntry entry);

    /** Removes the entry: the change was kept, or undone, with this verdict. */
    void close(String id, Verdict verdict);

    /** Every open entry, oldest first. */
    List<JournalEntry> open();
}
