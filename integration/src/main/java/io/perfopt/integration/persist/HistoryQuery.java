package io.perfopt.integration.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.api.HttpProblem;
import io.perfopt.integration.api.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The {@code api-history} route's bean: checks the query of {@code GET /api/history}
 * ({@code from}, {@code to}: ISO-8601 instants; {@code agent}; {@code limit}: 1..1000, default
 * 50) into the headers its SQL statements name, and shapes the rows they read into
 * {@link HistoryCycle}s, newest first.
 */
public final class HistoryQuery {

    /** Headers the route's statements read (set here, whatever the caller sent). */
    public static final String FROM = "historyFrom";
    public static final String TO = "historyTo";
    public static final String AGENT = "historyAgent";
    public static final String LIMIT = "historyLimit";
    public static final String CYCLE_IDS = "historyCycleIds";

    private static final String CYCLES = "historyCycles";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;
    // an open end of the range; far enough, and a value both databases store
    private static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");

    /** Reads and checks the query parameters; a bad one is a 400 naming it. */
    public void criteria(Exchange exchange) {
        var in = exchange.getIn();
        Instant from = instant(in.getHeader("from", String.class), "from", Instant.EPOCH);
        Instant to = instant(in.getHeader("to", String.class), "to", END_OF_TIME);
        if (!from.isBefore(to)) {
            throw HttpProblem.badRequest("from (" + from + ") must be before to (" + to + ")");
        }
        String agent = in.getHeader("agent", String.class);
        agent = agent == null || agent.isBlank() ? null : agent.trim();
        int limit = limit(in.getHeader("limit", String.class));
        in.setHeader(FROM, SqlValues.timestamp(from));
        in.setHeader(TO, SqlValues.timestamp(to));
        in.setHeader(AGENT, agent);
        in.setHeader(LIMIT, limit);
    }

    /** Keeps the cycle rows read and names their ids for the results statement. */
    public void cycles(Exchange exchange) {
        List<Map<String, Object>> rows = rows(exchange.getIn().getBody());
        exchange.setProperty(CYCLES, rows);
        exchange.getIn().setHeader(CYCLE_IDS, rows.stream().map(r -> (String) r.get("id")).toList());
    }

    /** The answer: the cycles read, each with its results (only the agent's, when one is named). */
    public String answer(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cycles = exchange.getProperty(CYCLES, List.class);
        String agent = exchange.getIn().getHeader(AGENT, String.class);
        Map<String, List<HistoryResult>> results = new LinkedHashMap<>();
        if (!cycles.isEmpty()) {
            for (Map<String, Object> row : rows(exchange.getIn().getBody())) {
                if (agent == null || agent.equals(row.get("agent_id"))) {
                    results.computeIfAbsent((String) row.get("cycle_id"), k -> new ArrayList<>()).add(result(row));
                }
            }
        }
        List<HistoryCycle> answer = new ArrayList<>();
        for (Map<String, Object> c : cycles) {
            answer.add(new HistoryCycle((String) c.get("node_id"), SqlValues.whole(c.get("cycle")),
                    SqlValues.instant(c.get("started_at")), SqlValues.instant(c.get("finished_at")),
                    SqlValues.number(c.get("duration_ms")), SqlValues.number(c.get("system_score")),
                    SqlValues.number(c.get("autonomy_level")), count(c, "agent_count"), count(c, "bottleneck_count"),
                    count(c, "strategy_count"), count(c, "applied_count"), count(c, "awaiting_approval_count"),
                    count(c, "error_count"), results.getOrDefault((String) c.get("id"), List.of())));
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return Json.write(answer);
    }

    private static HistoryResult result(Map<String, Object> r) {
        HistoryResult.Window before = r.get("before_count") == null ? null : new HistoryResult.Window(
                SqlValues.whole(r.get("before_count")), SqlValues.number(r.get("before_mean")),
                SqlValues.number(r.get("before_p50")), SqlValues.number(r.get("before_p95")),
                SqlValues.number(r.get("before_p99")));
        HistoryResult.Window after = r.get("after_count") == null ? null : new HistoryResult.Window(
                SqlValues.whole(r.get("after_count")), SqlValues.number(r.get("after_mean")),
                SqlValues.number(r.get("after_p50")), SqlValues.number(r.get("after_p95")),
                SqlValues.number(r.get("after_p99")));
        HistoryResult.Shift shift = r.get("hl_shift") == null ? null : new HistoryResult.Shift(
                SqlValues.number(r.get("hl_shift")), SqlValues.number(r.get("hl_lower")),
                SqlValues.number(r.get("hl_upper")), SqlValues.number(r.get("hl_confidence")));
        return new HistoryResult((String) r.get("strategy_id"), (String) r.get("agent_id"),
                (String) r.get("plugin_id"), (String) r.get("type"), (String) r.get("target_metric"),
                json((String) r.get("changes_json")), (String) r.get("verdict"), (Boolean) r.get("kept"), before, after,
                SqlValues.number(r.get("actual_improvement")), SqlValues.number(r.get("p_value")), shift,
                SqlValues.number(r.get("execution_time_ms")), (String) r.get("explanation"),
                SqlValues.instant(r.get("decided_at")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object body) {
        return body instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static int count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read back: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(String text, String name, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, got "
                    + text);
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw HttpProblem.badRequest("limit must be a whole number within 1.." + MAX_LIMIT + ", got " + text);
    }
}
