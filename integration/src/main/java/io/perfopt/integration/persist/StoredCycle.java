package io.perfopt.integration.persist;

import java.util.List;
import java.util.Map;

/**
 * One cycle report as rows, one list per table, built when the report is published (so that a
 * write retried later stores what was true then). Each row is a map from the named parameters
 * of the {@code persist-cycle} route's statements to their values; values may be null.
 *
 * @param key          the report key ({@link CycleKey}), the {@code cycles} primary key
 * @param cycle        the {@code cycles} row
 * @param bottlenecks  {@code bottlenecks} rows
 * @param strategies   {@code strategies} rows
 * @param results      {@code results} rows
 * @param knobChanges  {@code knob_changes} rows of the changes applied this cycle
 * @param knobVerdicts outcome updates of the {@code knob_changes} rows whose verdict came this cycle
 * @param snapshots    {@code metric_snapshots} rows
 */
public record StoredCycle(String key, Map<String, Object> cycle, List<Map<String, Object>> bottlenecks,
                          List<Map<String, Object>> strategies, List<Map<String, Object>> results,
                          List<Map<String, Object>> knobChanges, List<Map<String, Object>> knobVerdicts,
                          List<Map<String, Object>> snapshots) {

    public StoredCycle {
        io.perfopt.api.Require.notBlank("cycle key", key);
        cycle = java.util.Collections.unmodifiableMap(cycle);
        bottlenecks = List.copyOf(bottlenecks);
        strategies = List.copyOf(strategies);
        results = List.copyOf(results);
        knobChanges = List.copyOf(knobChanges);
        knobVerdicts = List.copyOf(knobVerdicts);
        snapshots = List.copyOf(snapshots);
    }

    /** Rows written in all, for logs. */
    public int rowCount() {
        return 1 + bottlenecks.size() + strategies.size() + results.size() + knobChanges.size() + snapshots.size();
    }
}
