package io.perfopt.integration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the client commands show JSON values in a table: short, and "-" for what is absent. */
final class Cells {

    private Cells() {
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    /** An ISO instant to the second, e.g. {@code 2026-01-01T00:02:10Z}. */
    static String time(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** A share (0..1) as a percentage, e.g. {@code 80.0 %}. */
    static String percentOfShare(JsonNode node) {
        return number(node) ? String.format(Locale.ROOT, "%.1f %%", node.asDouble() * 100) : null;
    }

    /** A percentage with its sign, e.g. {@code +12.3 %}. */
    static String signedPercent(JsonNode node) {
        return number(node) ? String.format(Locale.ROOT, "%+.1f %%", node.asDouble()) : null;
    }

    static String decimal(JsonNode node, int digits) {
        return number(node) ? String.format(Locale.ROOT, "%." + digits + "f", node.asDouble()) : null;
    }

    static String count(JsonNode node) {
        return number(node) ? String.valueOf(node.asLong()) : null;
    }

    /** A list of strings, comma-separated. */
    static String list(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        node.forEach(n -> items.add(n.asText()));
        return String.join(", ", items);
    }

    static String lower(JsonNode node) {
        String text = text(node);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static boolean number(JsonNode node) {
        return node != null && node.isNumber();
    }
}
