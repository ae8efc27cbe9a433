package io.perfopt.integration.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.engine.command.Command;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a command from its JSON form, e.g. {@code {"command": "focus-agent", "agentId": "a1",
 * "cycles": 10}}. Every mistake is a 400 naming the field and what is allowed.
 */
final class CommandParser {

    /** The fields each command takes, beside {@code command}. */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "optimize-now", Set.of("agentId"),
            "focus-agent", Set.of("agentId", "cycles"),
            "clear-focus", Set.of(),
            "aggressiveness-up", Set.of(),
            "aggressiveness-down", Set.of(),
            "reduce-resources", Set.of("agentId", "cycles"),
            "pause", Set.of(),
            "resume", Set.of(),
            "approve", Set.of("strategyId"),
            "reject", Set.of("strategyId", "reason"));

    private static final int DEFAULT_CYCLES = 10;

    private CommandParser() {
    }

    static Command parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw HttpProblem.badRequest("a command is a JSON object such as {\"command\": \"pause\"}");
        }
        JsonNode name = json.get("command");
        if (name == null || !name.isTextual()) {
            throw HttpProblem.badRequest("field command is missing; use one of " + List.copyOf(new java.util.TreeSet<>(FIELDS.keySet())));
        }
        String command = name.textValue();
        Set<String> allowed = FIELDS.get(command);
        if (allowed == null) {
            throw HttpProblem.badRequest("unknown command " + command + "; use one of "
                    + List.copyOf(new java.util.TreeSet<>(FIELDS.keySet())));
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("command") && !allowed.contains(field)) {
                throw HttpProblem.badRequest("command " + command + " takes no field " + field
                        + (allowed.isEmpty() ? "" : "; it takes " + new java.util.TreeSet<>(allowed)));
            }
        }
        try {
            return switch (command) {
                case "optimize-now" -> new Command.OptimizeNow(optionalText(json, "agentId"));
                case "focus-agent" -> new Command.FocusAgent(text(json, "agentId"), cycles(json));
                case "clear-focus" -> new Command.ClearFocus();
                case "aggressiveness-up" -> new Command.Aggressiveness(true);
                case "aggressiveness-down" -> new Command.Aggressiveness(false);
                case "reduce-resources" -> new Command.ReduceResources(optionalText(json, "agentId"), cycles(json));
                case "pause" -> new Command.Pause();
                case "resume" -> new Command.Resume();
                case "approve" -> new Command.Approve(text(json, "strategyId"));
                case "reject" -> new Command.Reject(text(json, "strategyId"), optionalText(json, "reason"));
                default -> throw new IllegalStateException("command " + command + " is listed but not parsed");
            };
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("command " + command + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode json, String field) {
        String value = optionalText(json, field);
        if (value == null) {
            throw new IllegalArgumentException("field " + field + " is required");
        }
        return value;
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new IllegalArgumentException("field " + field + " must be a non-blank string, got " + node);
        }
        return node.textValue();
    }

    private static int cycles(JsonNode json) {
        JsonNode node = json.get("cycles");
        if (node == null || node.isNull()) {
            return DEFAULT_CYCLES;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException("field cycles must be a whole number, got " + node);
        }
        return node.intValue();
    }
}
