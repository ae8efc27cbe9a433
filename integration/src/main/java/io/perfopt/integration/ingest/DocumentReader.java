package io.perfopt.integration.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.metric.MetricsDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one metrics document from a JSON tree. What makes the whole document unusable (no
 * agent id, a bad timestamp, no metric at all) throws; a single value of the wrong JSON type
 * only drops that value, with a message, so the agent's other metrics still count.
 */
final class DocumentReader {

    private final Clock clock;

    DocumentReader(Clock clock) {
        this.clock = clock;
    }

    ParsedDocument read(JsonNode node) throws MetricsParseException {
        if (!node.isObject()) {
            throw new MetricsParseException(null, "expected a JSON object, got " + describe(node));
        }
        String agentId = agentId(node);
        Instant timestamp = timestamp(agentId, node.get("timestamp"));
        List<String> rejected = new ArrayList<>();
        Map<String, Double> metrics = metrics(agentId, node.get("metrics"), rejected);
        Map<String, List<Double>> samples = samples(agentId, node.get("samples"), rejected);
        if (metrics.isEmpty() && samples.isEmpty()) {
            throw new MetricsParseException(agentId, rejected.isEmpty() ? "the document holds no metrics"
                    : "the document holds no usable metric: " + String.join("; ", rejected));
        }
        return new ParsedDocument(new MetricsDocument(agentId, timestamp, metrics, samples), rejected);
    }

    private static String agentId(JsonNode node) throws MetricsParseException {
        JsonNode id = node.get("agentId");
        if (id == null || id.isNull()) {
            throw new MetricsParseException(null, "agentId is missing");
        }
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new MetricsParseException(null, "agentId must be a non-blank string, got " + describe(id));
        }
        return id.asText();
    }

    private Instant timestamp(String agentId, JsonNode node) throws MetricsParseException {
        if (node == null || node.isNull()) {
            // The protocol allows agents without a clock worth trusting to leave the time to perfopt.
            return clock.instant();
        }
        if (!node.isTextual()) {
            throw new MetricsParseException(agentId, "timestamp must be an ISO-8601 string such as "
                    + "2026-01-01T12:00:00Z, got " + describe(node));
        }
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(node.asText(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new MetricsParseException(agentId, "timestamp \"" + node.asText()
                    + "\" is not ISO-8601 such as 2026-01-01T12:00:00Z", e);
        }
    }

    private static Map<String, Double> metrics(String agentId, JsonNode node, List<String> rejected)
            throws MetricsParseException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields(agentId, "metrics", node); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber()) {
                metrics.put(field.getKey(), field.getValue().doubleValue());
            } else {
                rejected.add(notANumber(agentId, field.getKey(), field.getValue()));
            }
        }
        return metrics;
    }

    private static Map<String, List<Double>> samples(String agentId, JsonNode node, List<String> rejected)
            throws MetricsParseException {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields(agentId, "samples", node); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isArray()) {
                rejected.add("samples of metric " + field.getKey() + " of agent " + agentId
                        + " must be an array of numbers, got " + describe(field.getValue()));
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (JsonNode value : field.getValue()) {
                if (value.isNumber()) {
                    values.add(value.doubleValue());
                } else {
                    rejected.add(notANumber(agentId, field.getKey(), value));
                }
            }
            if (!values.isEmpty()) {
                samples.put(field.getKey(), values);
            }
        }
        return samples;
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(String agentId, String name, JsonNode node)
            throws MetricsParseException {
        if (node == null || node.isNull()) {
            return java.util.Collections.emptyIterator();
        }
        if (!node.isObject()) {
            throw new MetricsParseException(agentId, name + " must be an object of metric name to value, got "
                    + describe(node));
        }
        return node.fields();
    }

    private static String notANumber(String agentId, String metric, JsonNode value) {
        return "metric " + metric + " of agent " + agentId + " must be a number, got " + describe(value);
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
