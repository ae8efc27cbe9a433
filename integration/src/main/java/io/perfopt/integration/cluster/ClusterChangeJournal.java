package io.perfopt.integration.cluster;

import com.hazelcast.map.IMap;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.execute.ChangeJournal;
import io.perfopt.engine.execute.JournalEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change journal in a cluster map with synchronous backups (and, with a database, written
 * through to {@code change_journal}): when a member dies, its open entries are still there and
 * the new owner of each agent finishes judging or undoes the change.
 *
 * <p>A write is refused unless this member owns the entry's agent, and the map refuses writes on
 * a side of a split below the minimum size: the engine writes the journal before it touches an
 * agent, so a member that may not act on an agent never changes it.
 */
public final class ClusterChangeJournal implements ChangeJournal {

    private static final Logger log = LoggerFactory.getLogger(ClusterChangeJournal.class);

    private final IMap<String, String> entries;
    private final Predicate<String> owned;
    private final Optional<JournalTable> table;

    /** @param table where entries are written through; empty to keep the journal in memory only */
    public ClusterChangeJournal(IMap<String, String> entries, Predicate<String> owned, Optional<JournalTable> table) {
        this.entries = entries;
        this.owned = owned;
        this.table = table;
    }

    @Override
    public void write(JournalEntry entry) {
        if (!owned.test(entry.agentId())) {
            throw new NotOwnerException("journal entry " + entry.id() + " refused: agent " + entry.agentId()
                    + " is not owned by this member (it moved, or this side of the cluster is below its minimum size)");
        }
        String json = JournalCodec.write(entry);
        // the database first: a change whose entry could not be kept durably is never applied
        table.ifPresent(t -> t.store(entry.id(), json));
        entries.set(entry.id(), json);
    }

    @Override
    public void close(String id, Verdict verdict) {
        entries.delete(id);
        table.ifPresent(t -> {
            try {
                t.delete(id);
            } catch (StoreFailure e) {
                // closed in the cluster; only a full restart before the row is gone would bring it back
                log.warn("journal entry {} is closed but still in the database: {}", id, e.getMessage());
            }
        });
        log.debug("journal entry {} closed: {}", id, verdict);
    }

    @Override
    public List<JournalEntry> open() {
        List<JournalEntry> open = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            try {
                open.add(JournalCodec.read(e.getValue()));
            } catch (IllegalArgumentException unreadable) {
                // left in place for a person to inspect in change_journal; never silently dropped
                log.warn("journal entry {} cannot be read and is skipped: {}", e.getKey(), unreadable.getMessage());
            }
        }
        open.sort(Comparator.comparing(JournalEntry::appliedAt).thenComparing(JournalEntry::id));
        return open;
    }

    /** A journal write for an agent this member does not own. */
    public static final class NotOwnerException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotOwnerException(String message) {
            super(message);
        }
    }
}
