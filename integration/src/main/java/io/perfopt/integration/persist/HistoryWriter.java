package io.perfopt.integration.persist;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.engine.report.ReportSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report sink that keeps history: each cycle report becomes rows ({@link CycleRows}), with
 * the metric snapshot of that moment, and goes to the {@code persist-cycle} route, which writes
 * them in one transaction. A database that is down or full costs nothing but a WARN: the rows
 * wait in a bounded {@link RetryBuffer} and are written, in order, once it is back.
 */
public final class HistoryWriter implements ReportSink {

    /** The route that writes one {@link StoredCycle}. */
    public static final String ROUTE = "direct:persist-cycle";

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);

    private final CycleRows rows;
    private final MetricSnapshots snapshots;
    private final RetryBuffer<StoredCycle> buffer;

    public HistoryWriter(CycleRows rows, MetricSnapshots snapshots, RouteCall routes, int capacity) {
        this.rows = rows;
        this.snapshots = snapshots;
        this.buffer = new RetryBuffer<>("cycle report", capacity, stored -> {
            routes.request(ROUTE, stored);
            log.debug("cycle {} stored: {} rows", stored.key(), stored.rowCount());
        }, StoredCycle::key);
    }

    @Override
    public void publish(CycleReport report) {
        StoredCycle stored;
        try {
            stored = rows.of(report, snapshots.take(report.agents(), report.finishedAt()));
        } catch (RuntimeException e) {
            // a report that cannot even be turned into rows would fail every retry: say so once
            log.error("cycle {} of {} cannot be stored: {}", report.cycle(), report.nodeId(), e.toString(), e);
            return;
        }
        buffer.submit(stored);
    }

    /** Retries the reports still waiting; returns how many still wait. */
    public int flush() {
        return buffer.flush();
    }

    /** What was written, is waiting, failed or was dropped. */
    public RetryBuffer.Stats stats() {
        return buffer.stats();
    }
}
