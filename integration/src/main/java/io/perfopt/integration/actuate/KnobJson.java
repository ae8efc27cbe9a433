package io.perfopt.integration.actuate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of knobs in the agent protocol:
 *
 * <pre>{@code
 * {"name": "cache.size", "type": "int", "min": 0, "max": 10000, "value": 100, "tags": ["latency", "cache"]}
 * {"name": "source.priority", "type": "enum", "values": ["news", "social"], "value": "news"}
 * {"name": "compression", "type": "boolean", "value": true}
 * }</pre>
 *
 * {@code min} and {@code max} are required for int and double knobs (perfopt plans steps within
 * them) and implied for boolean and enum knobs. Values are read through {@link Knob#fromWire},
 * so a value of the wrong type is refused with the knob's own message.
 */
public final class KnobJson {

    private KnobJson() {
    }

    /** The knobs of a {@code {"knobs": [...]}} document; throws naming the first bad knob. */
    public static List<Knob> readList(JsonNode document) {
        JsonNode list = document == null ? null : document.get("knobs");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("expected {\"knobs\": [...]}");
        }
        List<Knob> knobs = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode node : list) {
            Knob knob = read(node);
            if (!names.add(knob.name())) {
                throw new IllegalArgumentException("knob " + knob.name() + " is listed twice");
            }
            knobs.add(knob);
        }
        return List.copyOf(knobs);
    }

    /** One knob; throws with a message naming the knob (when it has a name) and the field. */
    public static Knob read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a knob object, got " + node);
        }
        String name = text(node, "name", "a knob");
        String where = "knob " + name;
        KnobType type = KnobType.ofWireName(text(node, "type", where));
        List<String> values = strings(node.get("values"), where + " values");
        if (type == KnobType.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException(where + " is an enum but lists no values");
        }
        Set<String> tags = Set.copyOf(strings(node.get("tags"), where + " tags"));
        Knob probe = switch (type) {
            case INT, DOUBLE -> new Knob(name, type, number(node, "min", where), number(node, "max", where),
                    number(node, "min", where), List.of(), tags);
            case BOOLEAN -> new Knob(name, type, 0, 1, 0, List.of(), tags);
            case ENUM -> new Knob(name, type, 0, values.size() - 1, 0, values, tags);
        };
        JsonNode value = node.get("value");
        if (value == null) {
            throw new IllegalArgumentException(where + " has no value");
        }
        return probe.withValue(probe.fromWire(wire(value)));
    }

    /** The JSON form of a knob. */
    public static ObjectNode write(Knob knob) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", knob.name());
        node.put("type", knob.type().wireName());
        if (knob.type() == KnobType.INT || knob.type() == KnobType.DOUBLE) {
            put(node, "min", knob.toWire(knob.min()));
            put(node, "max", knob.toWire(knob.max()));
        }
        if (knob.type() == KnobType.ENUM) {
            knob.values().forEach(node.putArray("values")::add);
        }
        put(node, "value", knob.toWire(knob.value()));
        if (!knob.tags().isEmpty()) {
            knob.tags().stream().sorted().forEach(node.putArray("tags")::add);
        }
        return node;
    }

    /** Puts a value of {@link Knob#toWire} as the JSON type it stands for. */
    static void put(ObjectNode node, String field, Object wire) {
        if (wire instanceof Long l) {
            node.put(field, l);
        } else if (wire instanceof Double d) {
            node.put(field, d);
        } else if (wire instanceof Boolean b) {
            node.put(field, b);
        } else {
            node.put(field, String.valueOf(wire));
        }
    }

    /** A JSON value as the Java value {@link Knob#fromWire} expects: Long, Double, Boolean, String or null. */
    static Object wire(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isNull() ? null : value.toString();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException(where + " needs a string " + field + ", got " + value);
        }
        return value.textValue();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(where + " needs a number " + field + ", got " + value);
        }
        return value.doubleValue();
    }

    private static List<String> strings(JsonNode node, String what) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(what + " must be a list of strings, got " + node);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(what + " must be a list of strings, got " + node);
            }
            values.add(item.textValue());
        }
        return values;
    }
}
