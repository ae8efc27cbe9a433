package io.perfopt.integration.report;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.engine.report.ReportSink;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.persist.CycleKey;
import io.perfopt.integration.persist.RetryBuffer;
import io.perfopt.integration.persist.RouteCall;
import io.perfopt.integration.persist.SqlValues;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first half of delivery to the orchestrator: each cycle report, as JSON, becomes a row of
 * the {@code outbox} table (route {@code outbox-add}), in cycle order. The table is durable, so
 * a report survives an orchestrator that is down and a perfopt restart; the delivery route
 * ({@link OutboxDelivery}) sends the rows in order. While the database itself is down, rows
 * wait in a bounded in-memory {@link RetryBuffer}, in order too.
 */
public final class OutboxSink implements ReportSink {

    /** The route that stores one outbox row. */
    public static final String ADD = "direct:outbox-add";
    /** The route that counts this node's undelivered rows. */
    public static final String BACKLOG = "direct:outbox-backlog";

    private static final Logger log = LoggerFactory.getLogger(OutboxSink.class);

    private final String nodeId;
    private final Clock clock;
    private final RouteCall routes;
    private final RetryBuffer<Map<String, Object>> buffer;
    private volatile long lastStoredBacklog;

    public OutboxSink(String nodeId, Clock clock, RouteCall routes, int capacity) {
        this.nodeId = nodeId;
        this.clock = clock;
        this.routes = routes;
        this.buffer = new RetryBuffer<>("outbox report", capacity, row -> routes.request(ADD, row),
                row -> (String) row.get("key"));
    }

    @Override
    public void publish(CycleReport report) {
        Map<String, Object> row = new HashMap<>();
        row.put("key", CycleKey.of(report));
        row.put("nodeId", report.nodeId());
        row.put("cycle", report.cycle());
        row.put("createdAt", SqlValues.timestamp(clock.instant()));
        row.put("payload", Json.write(report));
        buffer.submit(row);
    }

    /** Retries the rows still waiting for the database; returns how many still wait. */
    public int flush() {
        return buffer.flush();
    }

    /**
     * Reports not yet delivered: undelivered rows of this node in the outbox plus those still
     * waiting for the database. While the database cannot answer, its last known count stands in.
     */
    public long backlog() {
        try {
            Object count = routes.request(BACKLOG, Map.of("nodeId", nodeId));
            lastStoredBacklog = ((Number) count).longValue();
        } catch (Exception e) {
            log.debug("outbox backlog cannot be counted now, showing the last count: {}", e.toString());
        }
        return lastStoredBacklog + buffer.pending();
    }

    public RetryBuffer.Stats stats() {
        return buffer.stats();
    }
}
