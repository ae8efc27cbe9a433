package io.perfopt.integration.observe;

import io.perfopt.integration.api.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * {@code GET /health}, {@code /health/live} and {@code /health/ready}: Camel's health checks
 * (the context, every route, every consumer) and perfopt's own ({@code perfopt-database},
 * {@code perfopt-cluster}, {@code perfopt-collection}), as JSON with each check's state:
 *
 * <pre>
 *   {"status": "UP", "live": "UP", "ready": "UP",
 *    "checks": [{"name": "perfopt-database", "status": "UP", "liveness": false, "readiness": true,
 *                "message": "no database configured", "details": {"skipped": true}}, ...]}
 * </pre>
 *
 * The answer is 503 when what was asked for is DOWN: {@code /health} and {@code /health/ready}
 * when the node is not ready (or not live), {@code /health/live} only when it is not live.
 */
public final class HealthEndpoint {

    /** {@code GET /health}: liveness and readiness. */
    public String health(Exchange exchange) {
        Collection<HealthCheck.Result> results = invoke(exchange, check -> true);
        boolean live = up(results, HealthCheck::isLiveness);
        boolean ready = up(results, HealthCheck::isReadiness);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", state(live && ready));
        answer.put("live", state(live));
        answer.put("ready", state(ready));
        answer.put("checks", checks(results, c -> true));
        return respond(exchange, live && ready, answer);
    }

    /** {@code GET /health/live}: whether the node should be restarted (503) or left alone. */
    public String live(Exchange exchange) {
        return one(exchange, HealthCheck::isLiveness);
    }

    /** {@code GET /health/ready}: whether the node should receive work (503: not now). */
    public String ready(Exchange exchange) {
        return one(exchange, HealthCheck::isReadiness);
    }

    private static String one(Exchange exchange, Predicate<HealthCheck> kind) {
        Collection<HealthCheck.Result> results = invoke(exchange, kind);
        boolean up = up(results, kind);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", state(up));
        answer.put("checks", checks(results, kind));
        return respond(exchange, up, answer);
    }

    /** Every check of {@code kind}, each with its details ("full": Camel's default shows failures only). */
    private static Collection<HealthCheck.Result> invoke(Exchange exchange, Predicate<HealthCheck> kind) {
        // Camel's filter excludes the checks it accepts
        return HealthCheckHelper.invoke(exchange.getContext(), check -> Map.of(), kind.negate(), "full");
    }

    private static String respond(Exchange exchange, boolean up, Map<String, Object> answer) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, up ? 200 : 503);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return Json.write(answer);
    }

    private static boolean up(Collection<HealthCheck.Result> results, Predicate<HealthCheck> kind) {
        return results.stream().filter(r -> kind.test(r.getCheck()))
                .noneMatch(r -> r.getState() == HealthCheck.State.DOWN);
    }

    private static String state(boolean up) {
        return up ? "UP" : "DOWN";
    }

    private static List<Map<String, Object>> checks(Collection<HealthCheck.Result> results,
                                                    Predicate<HealthCheck> kind) {
        List<Map<String, Object>> checks = new ArrayList<>();
        results.stream().filter(r -> kind.test(r.getCheck()))
                .sorted(Comparator.comparing((HealthCheck.Result r) -> r.getCheck().getId()))
                .forEach(r -> checks.add(check(r)));
        return checks;
    }

    private static Map<String, Object> check(HealthCheck.Result result) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", result.getCheck().getId());
        check.put("status", result.getState().name());
        check.put("liveness", result.getCheck().isLiveness());
        check.put("readiness", result.getCheck().isReadiness());
        check.put("message", result.getMessage().orElse(null));
        result.getError().ifPresent(e -> check.put("error", e.toString()));
        Map<String, Object> details = new TreeMap<>();
        // Camel's bookkeeping (invocation counts and times) is left out: it says nothing of the node
        result.getDetails().forEach((k, v) -> {
            if (!HealthCheckHelper.isReservedKey(k) && v != null) {
                details.put(k, v instanceof Number || v instanceof Boolean || v instanceof Collection<?>
                        ? v : String.valueOf(v));
            }
        });
        check.put("details", details);
        return check;
    }
}
