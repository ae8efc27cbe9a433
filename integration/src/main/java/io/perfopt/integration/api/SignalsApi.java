package io.perfopt.integration.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.engine.command.Command;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.fleet.AgentDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/signals}: performance alerts, agent underperformance notifications and
 * resource constraint warnings, in perfopt's own form or as a Prometheus Alertmanager webhook,
 * so that existing alerting can feed perfopt unchanged.
 *
 * <pre>
 *   {"type": "performance-alert", "agentId": "market-hunter", "message": "p99 over SLO"}      (or a list)
 *   {"version": "4", "status": "firing", "alerts": [{"status": "firing",
 *       "labels": {"alertname": "HighLatency", "agent": "market-hunter"}, ...}]}
 * </pre>
 *
 * A signal naming an agent triggers an out-of-cycle evaluation of that agent; a resource
 * constraint makes the next plans prefer resource-saving strategies (on the agent, or on every
 * agent). Alerts take the agent from the {@code agent} (or {@code agent_id}, {@code agentId})
 * label and their kind from a {@code perfopt_signal} label, else from the alert name (memory,
 * cpu, disk, resource: a resource constraint; anything else a performance alert). Resolved
 * alerts are acknowledged and ignored.
 */
public final class SignalsApi {

    private static final Logger log = LoggerFactory.getLogger(SignalsApi.class);
    private static final int RESOURCE_SAVING_CYCLES = 10;

    private final OptimizationLoop loop;
    private final AgentDirectory directory;

    public SignalsApi(OptimizationLoop loop, AgentDirectory directory) {
        this.loop = loop;
        this.directory = directory;
    }

    /** {@code POST /api/signals}. */
    public String receive(Exchange exchange) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(exchange.getIn().getBody(String.class));
        } catch (JacksonException e) {
            throw HttpProblem.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
        List<Signal> signals = new ArrayList<>();
        int ignored = 0;
        if (json != null && json.isObject() && json.has("alerts")) {
            for (JsonNode alert : json.get("alerts")) {
                if ("resolved".equalsIgnoreCase(alert.path("status").asText("firing"))) {
                    ignored++;
                } else {
                    signals.add(fromAlert(alert));
                }
            }
        } else if (json != null && json.isArray()) {
            json.forEach(node -> signals.add(fromOwnForm(node)));
        } else {
            signals.add(fromOwnForm(json));
        }
        return Json.write(act(signals, ignored));
    }

    private Map<String, Object> act(List<Signal> signals, int ignored) {
        Set<String> evaluated = new LinkedHashSet<>();
        Set<String> saving = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (Signal signal : signals) {
            log.info("signal {} for {}: {}", signal.kind(), signal.agentId() == null ? "the fleet" : signal.agentId(),
                    signal.message());
            if (signal.agentId() != null && !directory.owns(signal.agentId())) {
                // unknown here, or another node's: that node hears of it through its own alerting
                unknown.add(signal.agentId());
                continue;
            }
            if (signal.kind() == Signal.Kind.RESOURCE_CONSTRAINT) {
                loop.commands().handle(new Command.ReduceResources(signal.agentId(), RESOURCE_SAVING_CYCLES));
                saving.add(signal.agentId() == null ? "all agents" : signal.agentId());
            }
            if (signal.agentId() != null && evaluated.add(signal.agentId())) {
                loop.runCycleFor(signal.agentId());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", signals.size() + ignored);
        answer.put("evaluated", evaluated);
        answer.put("resourceSaving", saving);
        answer.put("ignoredResolved", ignored);
        answer.put("notOptimizedHere", unknown);
        return answer;
    }

    private static Signal fromOwnForm(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw HttpProblem.badRequest("a signal is {\"type\": \"performance-alert|agent-underperformance|"
                    + "resource-constraint\", \"agentId\": \"...\", \"message\": \"...\"} or an Alertmanager webhook");
        }
        String agent = node.path("agentId").isTextual() ? node.path("agentId").textValue() : null;
        return new Signal(Signal.Kind.parse(node.get("type").textValue()), agent, node.path("message").asText(""));
    }

    private static Signal fromAlert(JsonNode alert) {
        JsonNode labels = alert.path("labels");
        String agent = null;
        for (String label : new String[] {"agent", "agent_id", "agentId"}) {
            if (labels.path(label).isTextual()) {
                agent = labels.path(label).textValue();
                break;
            }
        }
        String name = labels.path("alertname").asText("alert");
        Signal.Kind kind = labels.path("perfopt_signal").isTextual()
                ? Signal.Kind.parse(labels.path("perfopt_signal").textValue())
                : name.toLowerCase(Locale.ROOT).matches(".*(memory|cpu|disk|resource).*")
                ? Signal.Kind.RESOURCE_CONSTRAINT : Signal.Kind.PERFORMANCE_ALERT;
        String summary = alert.path("annotations").path("summary").asText(name);
        return new Signal(kind, agent, name + ": " + summary);
    }
}
