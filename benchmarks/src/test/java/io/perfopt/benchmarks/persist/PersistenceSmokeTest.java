package io.perfopt.benchmarks.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.integration.persist.StoredCycle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A few cycles through the history route and through plain JDBC into an H2 file database. */
class PersistenceSmokeTest {

    @Test
    void writesRealCycleReportsThroughTheRouteAndThroughPlainJdbc() throws Exception {
        List<StoredCycle> stored = PersistenceBenchmark.storedCycles(20, 8);

        PersistenceBenchmark.Result r = PersistenceBenchmark.run("h2", "", stored, 2, 1);

        assertThat(stored).extracting(StoredCycle::key).doesNotHaveDuplicates();
        assertThat(r.rowsPerCycle()).isGreaterThan(20);
        assertThat(r.route()).singleElement().satisfies(v -> assertThat(v).isPositive());
        assertThat(r.plain()).singleElement().satisfies(v -> assertThat(v).isPositive());
    }
}
