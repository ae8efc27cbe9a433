package io.perfopt.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.perfopt.api.knob.Knob;
import io.perfopt.simulator.agent.ActiveFault;
import io.perfopt.simulator.agent.SimulatedAgent;
import io.perfopt.simulator.agent.UnauthorizedException;
import io.perfopt.simulator.metrics.PrometheusText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent protocol over HTTP, for every agent of a fleet under {@code /agents/{id}/...}:
 *
 * <pre>
 * GET    /agents                                  the hosted agents and their URLs
 * GET    /agents/{id}/metrics                     JSON metrics since this endpoint's previous call
 * GET    /agents/{id}/metrics/prometheus          Prometheus text exposition
 * GET    /agents/{id}/control/knobs               the knobs                     (bearer token)
 * GET    /agents/{id}/control/knobs/{name}        one knob                      (bearer token)
 * PUT    /agents/{id}/control/knobs/{name}        {"value": ...}                (bearer token)
 * GET    /agents/{id}/admin/history               knob changes so far
 * GET    /agents/{id}/admin/faults                faults in force
 * POST   /agents/{id}/admin/faults                inject a fault
 * DELETE /agents/{id}/admin/faults                clear the faults
 * GET    /agents/{id}/admin/oracle                the true optimum (benchmark agents only)
 * </pre>
 *
 * Every error answers {@code {"error": "..."}}; nothing a client sends can stop the server.
 */
final class FleetRoutes implements HttpHandler {

    /** The largest request body read; a larger one is refused. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FleetRoutes.class);
    private static final String JSON = "application/json";

    private final Map<String, SimulatedAgent> agents;
    private final Supplier<URI> baseUri;

    FleetRoutes(Map<String, SimulatedAgent> agents, Supplier<URI> baseUri) {
        this.agents = agents;
        this.baseUri = baseUri;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (HttpProblem problem) {
                send(exchange, problem.status(), JSON, Json.write(Json.error(problem.getMessage())));
            } catch (UnauthorizedException e) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                send(exchange, 401, JSON, Json.write(Json.error(e.getMessage())));
            } catch (NoSuchElementException e) {
                send(exchange, 404, JSON, Json.write(Json.error(e.getMessage())));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, JSON, Json.write(Json.error(e.getMessage())));
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                send(exchange, 500, JSON, Json.write(Json.error("internal error: " + e)));
            }
        } catch (IOException e) {
            // the client went away mid-answer; nothing left to tell it
            LOG.debug("could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        List<String> path = segments(exchange.getRequestURI().getPath());
        String method = exchange.getRequestMethod();
        if (path.equals(List.of("agents"))) {
            allow(method, "GET");
            sendJson(exchange, 200, Map.of("agents", agents.values().stream().map(this::listing).toList()));
            return;
        }
        if (path.size() < 3 || !path.get(0).equals("agents")) {
            throw HttpProblem.notFound("no endpoint " + exchange.getRequestURI().getPath()
                    + "; start from GET /agents");
        }
        SimulatedAgent agent = agents.get(path.get(1));
        if (agent == null) {
            throw HttpProblem.notFound("no agent " + path.get(1));
        }
        String resource = String.join("/", path.subList(2, path.size()));
        switch (resource) {
            case "metrics" -> {
                allow(method, "GET");
                sendJson(exchange, 200, Json.metrics(agent.pollMetrics()));
            }
            case "metrics/prometheus" -> {
                allow(method, "GET");
                send(exchange, 200, PrometheusText.CONTENT_TYPE,
                        agent.scrapePrometheus().getBytes(StandardCharsets.UTF_8));
            }
            case "control/knobs" -> {
                allow(method, "GET");
                authorize(exchange, agent);
                sendJson(exchange, 200, Map.of("knobs", agent.knobs().stream().map(Json::knob).toList()));
            }
            case "admin/history" -> {
                allow(method, "GET");
                sendJson(exchange, 200, Map.of("agentId", agent.id(),
                        "changes", agent.history().stream().map(Json::change).toList()));
            }
            case "admin/faults" -> faults(exchange, agent, method);
            case "admin/oracle" -> {
                allow(method, "GET");
                sendJson(exchange, 200, Json.oracle(agent.oracle().orElseThrow(() -> HttpProblem.notFound(
                        "agent " + agent.id() + " is not a benchmark agent and has no oracle"))));
            }
            default -> {
                if (path.size() == 5 && resource.startsWith("control/knobs/")) {
                    knob(exchange, agent, path.get(4), method);
                } else {
                    throw HttpProblem.notFound("no endpoint " + exchange.getRequestURI().getPath());
                }
            }
        }
    }

    private void knob(HttpExchange exchange, SimulatedAgent agent, String name, String method) throws IOException {
        allow(method, "GET", "PUT");
        authorize(exchange, agent);
        if (method.equals("GET")) {
            sendJson(exchange, 200, Json.knob(agent.knob(name)));
            return;
        }
        agent.knob(name);
        JsonNode body = Json.object(body(exchange));
        if (!body.has("value")) {
            throw HttpProblem.badRequest("the body must hold a \"value\", e.g. {\"value\": 400}");
        }
        Knob after = agent.setKnob(name, Json.wireValue(body.get("value")), bearer(exchange));
        sendJson(exchange, 200, Json.knob(after));
    }

    private void faults(HttpExchange exchange, SimulatedAgent agent, String method) throws IOException {
        allow(method, "GET", "POST", "DELETE");
        switch (method) {
            case "POST" -> {
                ActiveFault fault = agent.injectFault(Json.parseFault(Json.object(body(exchange))));
                sendJson(exchange, 201, Json.fault(fault));
            }
            case "DELETE" -> {
                int cleared = agent.activeFaults().size();
                agent.clearFaults();
                sendJson(exchange, 200, Map.of("cleared", cleared));
            }
            default -> sendJson(exchange, 200, Map.of("faults", agent.activeFaults().stream().map(Json::fault)
                    .toList()));
        }
    }

    private Map<String, Object> listing(SimulatedAgent agent) {
        String base = baseUri.get().toString() + "agents/" + agent.id();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", agent.id());
        json.put("class", agent.agentClass());
        json.put("metricsUrl", base + "/metrics");
        json.put("prometheusUrl", base + "/metrics/prometheus");
        json.put("controlUrl", base + "/control");
        return json;
    }

    private static void authorize(HttpExchange exchange, SimulatedAgent agent) {
        if (!agent.accepts(bearer(exchange))) {
            throw new UnauthorizedException(agent.id());
        }
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    private static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new HttpProblem(405, "method " + method + " not allowed here; use " + String.join(" or ", allowed));
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw HttpProblem.badRequest("the body exceeds " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON, Json.write(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
