package io.perfopt.integration.persist;

import java.util.HashMap;
import java.util.Map;

/**
 * The audit log in the {@code command_audit} table, written by the {@code persist-audit} route.
 * Entries the database cannot take yet wait, in order, in a bounded {@link RetryBuffer}.
 */
public final class JdbcAuditLog implements AuditLog {

    /** The route that writes one entry. */
    public static final String ROUTE = "direct:persist-audit";

    private final RetryBuffer<CommandAudit> buffer;

    public JdbcAuditLog(RouteCall routes, int capacity) {
        this.buffer = new RetryBuffer<>("command audit entry", capacity, entry -> routes.request(ROUTE, row(entry)),
                entry -> entry.command() + " by " + entry.caller() + " at " + entry.time());
    }

    @Override
    public void record(CommandAudit entry) {
        buffer.submit(entry);
    }

    /** Retries the entries still waiting; returns how many still wait. */
    public int flush() {
        return buffer.flush();
    }

    public RetryBuffer.Stats stats() {
        return buffer.stats();
    }

    private static Map<String, Object> row(CommandAudit entry) {
        Map<String, Object> row = new HashMap<>();
        row.put("recordedAt", SqlValues.timestamp(entry.time()));
        row.put("nodeId", SqlValues.clip(entry.node(), 128));
        row.put("caller", SqlValues.clip(entry.caller(), 256));
        row.put("command", SqlValues.clip(entry.command(), 128));
        row.put("argumentsJson", entry.argumentsJson());
        row.put("accepted", entry.accepted());
        row.put("message", SqlValues.clip(entry.message(), 10_000));
        return row;
    }
}
