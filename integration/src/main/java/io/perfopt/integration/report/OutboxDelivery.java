package io.perfopt.integration.report;

import io.perfopt.integration.persist.SqlValues;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code outbox-delivery} route's bean, the second half of delivery: each round reads this
 * node's undelivered outbox rows oldest first and POSTs them one by one; a row is marked
 * delivered only after a 2xx answer, and the first failure ends the round, so that no report
 * overtakes an earlier one. The next round waits for the {@link DeliveryBackoff}.
 *
 * <p>Each POST carries {@code Idempotency-Key: {node}/{cycle}/{startedAt}}: if perfopt stops
 * between the orchestrator's 2xx and marking the row, the report is sent again after the
 * restart with the same key, and the orchestrator drops the duplicate. Delivery is thus
 * at-least-once on the wire and exactly-once for an orchestrator that honours the key.
 */
public final class OutboxDelivery {

    /** Exchange properties the route's statements read. */
    public static final String ROW_ID = "outboxId";
    public static final String DELIVERED_AT = "outboxDeliveredAt";

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final String nodeId;
    private final String token;
    private final DeliveryBackoff backoff;
    private final Clock clock;
    private volatile String inFlight;
    private volatile String lastError;
    private volatile long delivered;

    /**
     * @param clock   the time written as {@code delivered_at} (the application's clock)
     * @param backoff the wait between failed rounds, on real time
     */
    public OutboxDelivery(String nodeId, String token, DeliveryBackoff backoff, Clock clock) {
        this.nodeId = nodeId;
        this.token = token == null ? "" : token;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Whether a round may start: no failure, or the backoff after the last one has passed. */
    public boolean due() {
        return backoff.due();
    }

    /** The node whose rows this node delivers (several nodes may share one database). */
    public String nodeId() {
        return nodeId;
    }

    /** Turns an outbox row into the POST: the report as body, only perfopt's headers. */
    public void request(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getIn().getBody(Map.class);
        String key = (String) row.get("report_key");
        inFlight = key;
        exchange.setProperty(ROW_ID, ((Number) row.get("id")).longValue());
        Message message = exchange.getIn();
        // nothing of the row's exchange may leak into the request (Camel's http producer sends headers)
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        message.setHeader("Idempotency-Key", key);
        message.setHeader("X-Perfopt-Node", row.get("node_id"));
        message.setHeader("X-Perfopt-Cycle", ((Number) row.get("cycle")).longValue());
        if (!token.isEmpty()) {
            message.setHeader("Authorization", "Bearer " + token);
        }
        message.setBody(row.get("payload"));
    }

    /** The orchestrator answered 2xx: the row is marked next, and the backoff is over. */
    public void delivered(Exchange exchange) {
        exchange.setProperty(DELIVERED_AT, SqlValues.timestamp(clock.instant()));
        int failures = backoff.failures();
        backoff.succeeded();
        delivered++;
        if (failures > 0) {
            log.info("orchestrator reachable again: report {} delivered after {} failed attempt(s)", inFlight,
                    failures);
            lastError = null;
        } else {
            log.debug("report {} delivered", inFlight);
        }
        inFlight = null;
    }

    /** The round stopped at a failure: the report stays undelivered and the next round waits. */
    public void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = reason(error);
        Duration wait = backoff.failed();
        String report = inFlight == null ? "the outbox" : "report " + inFlight;
        // the first failure of a streak is news; the rest repeat it at debug level
        if (backoff.failures() == 1) {
            log.warn("cannot deliver {} to the orchestrator: {}; it stays in the outbox, retried in {} ms "
                    + "(backing off up to the configured maximum)", report, reason, wait.toMillis());
        } else {
            log.debug("delivery of {} failed again ({} in a row): {}; next attempt in {} ms", report,
                    backoff.failures(), reason, wait.toMillis());
        }
        lastError = reason;
        inFlight = null;
    }

    /** Reports delivered since start. */
    public long delivered() {
        return delivered;
    }

    /** Failed rounds since the last delivery. */
    public int failuresInARow() {
        return backoff.failures();
    }

    /** Why the last round failed; null when the last delivery succeeded. */
    public String lastError() {
        return lastError;
    }

    private static String reason(Throwable error) {
        if (error == null) {
            return "unknown failure";
        }
        // the split wraps the row's failure; the innermost cause names it (refused, 503, timeout)
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof org.apache.camel.http.base.HttpOperationFailedException http) {
            String body = http.getResponseBody() == null ? "" : http.getResponseBody().strip();
            message = "answered " + http.getStatusCode() + (body.isEmpty() ? ""
                    : ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
        }
        return message;
    }
}
