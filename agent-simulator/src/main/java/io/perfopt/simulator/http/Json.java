package io.perfopt.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobType;
import io.perfopt.simulator.agent.ActiveFault;
import io.perfopt.simulator.agent.AgentReading;
import io.perfopt.simulator.agent.Fault;
import io.perfopt.simulator.agent.KnobChangeRecord;
import io.perfopt.simulator.agent.SurfaceOracle;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the agent protocol, both ways. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a request body that must be a JSON object. */
    static JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw HttpProblem.badRequest("the body must be a JSON object");
        }
        return node;
    }

    /** A JSON value as the Java value {@link Knob#fromWire} expects: Long, Double, Boolean, String or null. */
    static Object wireValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.getNodeType() == JsonNodeType.STRING) {
            return node.textValue();
        }
        return node.toString();
    }

    static Map<String, Object> knob(Knob knob) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", knob.name());
        json.put("type", knob.type().wireName());
        if (knob.type() == KnobType.INT || knob.type() == KnobType.DOUBLE) {
            json.put("min", knob.toWire(knob.min()));
            json.put("max", knob.toWire(knob.max()));
        }
        if (knob.type() == KnobType.ENUM) {
            json.put("values", knob.values());
        }
        json.put("value", knob.toWire(knob.value()));
        json.put("tags", knob.tags().stream().sorted().toList());
        return json;
    }

    static Map<String, Object> metrics(AgentReading reading) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agentId", reading.agentId());
        json.put("timestamp", reading.timestamp().toString());
        json.put("metrics", reading.metrics().metrics());
        json.put("samples", reading.metrics().samples());
        return json;
    }

    static Map<String, Object> change(KnobChangeRecord change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", change.at().toString());
        json.put("knob", change.knob());
        json.put("oldValue", change.oldValue());
        json.put("newValue", change.newValue());
        return json;
    }

    static Map<String, Object> fault(ActiveFault active) {
        Map<String, Object> json = new LinkedHashMap<>();
        Fault fault = active.fault();
        json.put("type", fault.type());
        if (fault instanceof Fault.LatencySpike spike) {
            json.put("factor", spike.factor());
        } else if (fault instanceof Fault.ErrorBurst burst) {
            json.put("errorRate", burst.errorRate());
        } else if (fault instanceof Fault.Drift drift) {
            json.put("metric", drift.metric());
            json.put("perMinute", drift.perMinute());
        }
        json.put("startsAt", active.startsAt().toString());
        json.put("endsAt", active.endsAt() == null ? null : active.endsAt().toString());
        return json;
    }

    /** A fault from its protocol JSON, e.g. {@code {"type": "latency-spike", "factor": 3, "durationSeconds": 60}}. */
    static Fault parseFault(JsonNode body) {
        String type = body.path("type").asText("");
        return switch (type) {
            case "latency-spike" -> new Fault.LatencySpike(number(body, "factor"), duration(body));
            case "error-burst" -> new Fault.ErrorBurst(number(body, "errorRate"), duration(body));
            case "drift" -> new Fault.Drift(body.path("metric").asText(""), number(body, "perMinute"));
            default -> throw HttpProblem.badRequest(
                    "fault type must be latency-spike, error-burst or drift, got \"" + type + "\"");
        };
    }

    static Map<String, Object> oracle(SurfaceOracle oracle) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("optimum", oracle.optimum());
        json.put("objectiveAtOptimum", oracle.objectiveAtOptimum());
        json.put("objectiveNow", oracle.objectiveNow());
        return json;
    }

    static Map<String, Object> error(String message) {
        return Map.of("error", message == null ? "error" : message);
    }

    private static double number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isNumber()) {
            throw HttpProblem.badRequest("fault field " + field + " must be a number, got " + node);
        }
        return node.doubleValue();
    }

    private static Duration duration(JsonNode body) {
        double seconds = number(body, "durationSeconds");
        if (!(seconds >= 1) || seconds > 7 * 86_400) {
            throw HttpProblem.badRequest("fault durationSeconds must be within 1..604800, got " + seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
