package io.perfopt.integration.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.execute.JournalState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as JSON, in change_journal, and in the cluster map. */
class ChangeJournalPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void aJournalEntryMakesTheFullRoundTripThroughJsonAndTheTable() {
        DataSource db = H2Tables.in(dir);
        JournalTable store = new JournalTable(db, Clock.systemUTC());
        JournalEntry entry = JournalEntries.applied("node-1-c7-1", "market-hunter", "node-1")
                .withState(JournalState.ROLLBACK_PENDING, Verdict.DEGRADED);

        store.store(entry.id(), JournalCodec.write(entry));
        JournalTable reopened = new JournalTable(db, Clock.systemUTC());

        assertThat(reopened.storedKeys()).containsExactly(entry.id());
        JournalEntry back = JournalCodec.read(reopened.load(entry.id()));
        assertThat(back).isEqualTo(entry);
        assertThat(back.strategy().implementationTime()).hasMillis(1500);
        assertThat(H2Tables.count(db, "SELECT COUNT(*) FROM change_journal WHERE agent_id = 'market-hunter' "
                + "AND node_id = 'node-1' AND state = 'ROLLBACK_PENDING'")).isEqualTo(1);

        reopened.store(entry.id(), JournalCodec.write(entry.withNode("node-2")));
        assertThat(JournalCodec.read(store.load(entry.id())).nodeId()).as("replaced, not added").isEqualTo("node-2");
        store.delete(entry.id());
        assertThat(store.storedKeys()).isEmpty();
        assertThat(store.load(entry.id())).isNull();
    }

    @Test
    void aSingleNodeRestartReplaysWhatWasOpen() {
        DataSource db = H2Tables.in(dir);
        JournalEntry entry;
        try (LoopbackCluster first = new LoopbackCluster(1, 0).startAll(i -> ClusterStores.over(db, Clock.systemUTC()))) {
            entry = JournalEntries.applied("node-1-c3-1", "agent-a", "node-1");
            first.get(0).journal().write(entry);
            first.get(0).journal().write(JournalEntries.applied("node-1-c3-2", "agent-b", "node-1"));
            first.get(0).journal().close("node-1-c3-2", Verdict.IMPROVED);
        }

        try (LoopbackCluster second = new LoopbackCluster(1, 0).startAll(i -> ClusterStores.over(db, Clock.systemUTC()))) {
            assertThat(second.get(0).journal().open()).containsExactly(entry);
        }
    }

    @Test
    void openEntriesOutliveTheMemberThatWroteThem() {
        try (LoopbackCluster cluster = new LoopbackCluster(3, 0).startAll(i -> ClusterStores.none())) {
            PerfoptCluster writer = cluster.get(0);
            List<String> agents = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "agent-" + i)
                    .filter(writer.ownership()).limit(5).toList();
            agents.forEach(a -> writer.journal().write(JournalEntries.applied("node-1-" + a, a, "node-1")));

            writer.member().getLifecycleService().terminate();
            cluster.awaitSize(2);

            assertThat(cluster.get(1).journal().open()).extracting(JournalEntry::agentId)
                    .containsExactlyInAnyOrderElementsOf(agents);
        }
    }

    @Test
    void aMemberWritesOnlyTheEntriesOfItsOwnAgents() {
        try (LoopbackCluster cluster = new LoopbackCluster(2, 0).startAll(i -> ClusterStores.none())) {
            String foreign = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "agent-" + i)
                    .filter(cluster.get(1).ownership()).findFirst().orElseThrow();

            assertThatThrownBy(() -> cluster.get(0).journal().write(JournalEntries.applied("x", foreign, "node-1")))
                    .isInstanceOf(ClusterChangeJournal.NotOwnerException.class).hasMessageContaining(foreign);
            assertThat(cluster.get(1).journal().open()).isEmpty();
        }
    }

    @Test
    void aClusterBelowItsMinimumSizeActsOnNothingAndCannotWriteTheJournal() {
        try (LoopbackCluster cluster = new LoopbackCluster(2, 3).startAll(i -> ClusterStores.none())) {
            PerfoptCluster member = cluster.get(0);

            assertThat(member.ownership().hasQuorum()).isFalse();
            assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "agent-" + i)
                    .filter(member.ownership())).as("agents acted on").isEmpty();
            assertThatThrownBy(() -> member.journal().write(JournalEntries.applied("x", "agent-1", "node-1")))
                    .isInstanceOf(ClusterChangeJournal.NotOwnerException.class);
            // and the map itself refuses, whoever asks
            assertThatThrownBy(() -> member.member().getMap(ClusterMaps.JOURNAL).set("x", "{}"))
                    .isInstanceOf(SplitBrainProtectionException.class);
        }
    }
}
