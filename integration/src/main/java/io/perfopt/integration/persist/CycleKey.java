package io.perfopt.integration.persist;

import io.perfopt.api.optimization.CycleReport;

/**
 * The identity of a cycle report across restarts: {@code {node}/{cycle}/{startedAt}}, e.g.
 * {@code node-1/12/2026-01-01T00:05:00Z}. The node's cycle counter starts at 1 again when
 * perfopt restarts, so the number alone repeats; with the start time it does not. It is the
 * primary key of {@code cycles}, the unique key of {@code outbox} and the orchestrator's
 * {@code Idempotency-Key}.
 */
public final class CycleKey {

    private CycleKey() {
    }

    /** The longest key the tables hold. */
    public static final int MAX_LENGTH = 200;

    public static String of(CycleReport report) {
        // only an absurdly long node id makes it longer; cut, it still tells the runs apart by time
        String key = report.nodeId() + "/" + report.cycle() + "/" + report.startedAt();
        return key.length() <= MAX_LENGTH ? key : key.substring(key.length() - MAX_LENGTH);
    }
}
