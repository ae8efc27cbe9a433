package io.perfopt.integration.api;

import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.agents.ConfigProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * {@code POST /api/agents} and {@code DELETE /api/agents/{id}}: agents that register (and leave)
 * at run time, in the schema of one {@code agents.yaml} entry, as JSON or YAML. Agents declared in
 * the file can be neither replaced nor removed this way, so a caller cannot redirect their
 * control URL.
 */
public final class AgentsApi {

    private final AgentRegistry registry;
    private final ApiViews views;

    public AgentsApi(AgentRegistry registry, ApiViews views) {
        this.registry = registry;
        this.views = views;
    }

    /** Registers the agent of the body; 201 with its view, 400 listing every problem. */
    public String register(Exchange exchange) {
        String body = exchange.getIn().getBody(String.class);
        if (body == null || body.isBlank()) {
            throw HttpProblem.badRequest("the body must be one agent, e.g. {\"id\": \"a1\", \"metrics\": "
                    + "{\"format\": \"push\"}}");
        }
        List<ConfigProblem> problems = registry.register(body, "POST /api/agents");
        if (!problems.isEmpty()) {
            throw HttpProblem.badRequest(String.join("; ", problems.stream().map(ConfigProblem::toString).toList()));
        }
        String id = idOf(body);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
        exchange.getIn().setHeader("id", id);
        return views.agent(exchange);
    }

    /** The id of a registration that the registry accepted (so it parses and has one). */
    private static String idOf(String body) {
        try {
            return YAML.readTree(body).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an accepted registration no longer parses", e);
        }
    }

    // YAML is a superset of JSON: one reader for both forms of a registration
    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    /** Removes an agent registered at run time. */
    public String deregister(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        List<ConfigProblem> problems = registry.deregister(id);
        if (!problems.isEmpty()) {
            String message = problems.get(0).message();
            throw new HttpProblem(message.startsWith("no agent") ? 404 : 409, message);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("removed", id);
        return Json.write(answer);
    }
}
