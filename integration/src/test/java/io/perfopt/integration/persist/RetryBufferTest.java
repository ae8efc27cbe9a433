package io.perfopt.integration.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryBufferTest {

    /** A database that takes writes unless it is down, and refuses items it cannot store. */
    private static final class FakeDatabase implements RetryBuffer.Writer<String> {
        final List<String> stored = new ArrayList<>();
        final Set<String> refused = new java.util.HashSet<>();
        boolean down;

        @Override
        public void write(String item) throws Exception {
            if (down) {
                throw new SQLTransientConnectionException("Connection refused", "08001");
            }
            if (refused.contains(item)) {
                throw new RuntimeException("batch failed", new SQLException("value too long", "22001"));
            }
            stored.add(item);
        }
    }

    private final FakeDatabase database = new FakeDatabase();
    private final RetryBuffer<String> buffer = new RetryBuffer<>("report", 3, database, s -> s);

    @Test
    void keepsWhatTheDatabaseCannotTakeAndWritesItLaterInOrder() {
        buffer.submit("c1");
        database.down = true;
        buffer.submit("c2");
        buffer.submit("c3");

        assertThat(database.stored).containsExactly("c1");
        assertThat(buffer.pending()).isEqualTo(2);

        database.down = false;
        buffer.submit("c4");

        assertThat(database.stored).containsExactly("c1", "c2", "c3", "c4");
        assertThat(buffer.stats()).isEqualTo(new RetryBuffer.Stats(4, 0, 2, 0, 0));
    }

    @Test
    void aFullBufferDropsItsOldestItemAndCountsIt() {
        database.down = true;
        for (String item : List.of("c1", "c2", "c3", "c4", "c5")) {
            buffer.submit(item);
        }
        database.down = false;

        assertThat(buffer.flush()).isZero();
        assertThat(database.stored).containsExactly("c3", "c4", "c5");
        assertThat(buffer.stats().dropped()).isEqualTo(2);
    }

    @Test
    void anItemTheDatabaseRefusesIsDroppedAloneInsteadOfBlockingTheOthers() {
        database.refused.add("c2");

        buffer.submit("c1");
        buffer.submit("c2");
        buffer.submit("c3");

        assertThat(database.stored).containsExactly("c1", "c3");
        assertThat(buffer.stats().refused()).isEqualTo(1);
        assertThat(buffer.pending()).isZero();
    }

    @Test
    void onlyDataAndIntegrityErrorsAreHopeless() {
        assertThat(WriteFailure.permanent(new SQLException("duplicate key", "23505"))).isTrue();
        assertThat(WriteFailure.permanent(new RuntimeException(new SQLException("too long", "22001")))).isTrue();
        assertThat(WriteFailure.permanent(new SQLException("disk full", "53100"))).isFalse();
        assertThat(WriteFailure.permanent(new SQLException("connection lost", "08006"))).isFalse();
        assertThat(WriteFailure.permanent(new SQLException("no such table", "42P01"))).isFalse();
        assertThat(WriteFailure.permanent(new IllegalStateException("routes not running"))).isFalse();
    }
}
