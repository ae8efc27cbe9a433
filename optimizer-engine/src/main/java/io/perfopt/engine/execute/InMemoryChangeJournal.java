package io.perfopt.engine.execute;

import io.perfopt.api.optimization.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ChangeJournal} in memory: survives nothing, serves single-node runs without a database and tests. */
public final class InMemoryChangeJournal implements ChangeJournal {

    private final ConcurrentHashMap<String, JournalEntry> entries = new ConcurrentHashMap<>();

    @Override
    public void write(JournalEntry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public void close(String id, Verdict verdict) {
        entries.remove(id);
    }

    @Override
    public List<JournalEntry> open() {
        List<JournalEntry> open = new ArrayList<>(entries.values());
        open.sort(Comparator.comparing(JournalEntry::appliedAt).thenComparing(JournalEntry::id));
        return open;
    }
}
