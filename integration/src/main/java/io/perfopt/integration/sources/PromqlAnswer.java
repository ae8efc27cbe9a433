package io.perfopt.integration.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.api.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the answer of Prometheus' instant query API ({@code GET /api/v1/query}) down to the one
 * number a perfopt metric takes:
 *
 * <pre>{@code
 * {"status":"success","data":{"resultType":"vector",
 *   "result":[{"metric":{"agent":"market-hunter"},"value":[1764072000.123,"2510"]}]}}
 * }</pre>
 *
 * A vector must hold exactly one series and a scalar is taken as is. No series (the selector
 * matches nothing), several series (the query needs an aggregation), NaN, infinities, an error
 * answer and any other result type are refused, each with a message saying which.
 */
final class PromqlAnswer {

    private PromqlAnswer() {
    }

    /** The value of the query's answer, or a refusal saying why there is none. */
    sealed interface Outcome permits Value, Refusal {
    }

    record Value(double value) implements Outcome {
    }

    record Refusal(String reason) implements Outcome {
    }

    static Outcome read(byte[] body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            return new Refusal("the answer is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            return new Refusal("the answer is not a Prometheus API answer (a JSON object)");
        }
        if (!"success".equals(root.path("status").asText())) {
            return new Refusal("Prometheus answered " + root.path("errorType").asText("an error") + ": "
                    + root.path("error").asText("no reason given"));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        return switch (type) {
            case "vector" -> vector(result);
            case "scalar" -> sample(result);
            default -> new Refusal("the query returned a " + (type.isEmpty() ? "result of no type" : type)
                    + ", not an instant vector or scalar");
        };
    }

    private static Outcome vector(JsonNode result) {
        if (!result.isArray() || result.isEmpty()) {
            return new Refusal("the query returned no series; check that its selector matches a series now");
        }
        if (result.size() > 1) {
            List<String> series = new ArrayList<>();
            for (int i = 0; i < Math.min(3, result.size()); i++) {
                series.add(result.get(i).path("metric").toString());
            }
            return new Refusal("the query returned " + result.size() + " series " + String.join(", ", series)
                    + (result.size() > 3 ? ", ..." : "") + "; aggregate them to one, e.g. with max(...) or sum(...)");
        }
        return sample(result.get(0).path("value"));
    }

    /** A sample {@code [time, "value"]}: Prometheus writes the value as text, NaN and ±Inf included. */
    private static Outcome sample(JsonNode sample) {
        if (!sample.isArray() || sample.size() != 2 || !sample.get(1).isTextual()) {
            return new Refusal("the answer holds no sample [time, \"value\"]");
        }
        String text = sample.get(1).asText();
        double value;
        switch (text) {
            case "NaN" -> {
                return new Refusal("the query returned NaN (no data in its range, or a division by zero)");
            }
            case "+Inf", "Inf", "-Inf" -> {
                return new Refusal("the query returned " + text);
            }
            default -> {
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return new Refusal("the query returned \"" + text + "\", not a number");
                }
            }
        }
        return new Value(value);
    }
}
