package io.perfopt.integration.agents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed access to the fields of one YAML mapping. Every getter reports what is wrong with its
 * field as a problem at the field's line and path and returns null, so that a reader goes on to
 * the next field and one pass finds every problem.
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final String path;
    private final Problems problems;

    private Fields(YamlNode.Mapping mapping, String path, Problems problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    /** The fields of {@code node}, or null (with a problem) when it is not a mapping. */
    static Fields of(YamlNode node, String path, Problems problems, String expected) {
        if (node instanceof YamlNode.Mapping m) {
            return new Fields(m, path, problems);
        }
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INVALID) {
            problems.alreadyReported();
        } else {
            problems.add(node.at(), path, "expected " + expected + ", got " + node.describe());
        }
        return null;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Where the key is written, or where the mapping starts when the key is absent. */
    Position at(String key) {
        YamlNode.Mapping.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.at() : entry.at();
    }

    Position at() {
        return mapping.at();
    }

    void problem(String key, String message) {
        problems.add(at(key), path(key), message);
    }

    /** Reports every key not among {@code allowed}. */
    void allowOnly(String... allowed) {
        Set<String> known = Set.of(allowed);
        mapping.entries().values().stream().filter(e -> !known.contains(e.key())).forEach(e ->
                problems.add(e.at(), path(e.key()), "unknown field; allowed here: "
                        + String.join(", ", new TreeSet<>(Arrays.asList(allowed)))));
    }

    /** Whether the key is written with a value other than null. */
    boolean has(String key) {
        return node(key) != null;
    }

    /** The value of the key; null when absent or written as null. */
    YamlNode node(String key) {
        YamlNode.Mapping.Entry entry = mapping.entries().get(key);
        if (entry == null || entry.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL) {
            return null;
        }
        return entry.value();
    }

    String string(String key) {
        YamlNode node = node(key);
        if (node == null || isInvalid(node)) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s) {
            return s.text();
        }
        problem(key, "expected a single value, got " + node.describe());
        return null;
    }

    String requiredString(String key) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return string(key);
    }

    /** The key's text converted by {@code parse}; its {@link IllegalArgumentException} becomes the problem. */
    <T> T convert(String key, Function<String, T> parse) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    <T> T requiredConvert(String key, Function<String, T> parse) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return convert(key, parse);
    }

    /** A number; a string from an environment substitution counts when it reads as one. */
    Double number(String key) {
        YamlNode node = node(key);
        if (node == null || isInvalid(node)) {
            return null;
        }
        Double value = numberOf(node);
        if (value == null) {
            problem(key, "expected a number, got " + node.describe());
        }
        return value;
    }

    Boolean bool(String key) {
        YamlNode node = node(key);
        if (node == null || isInvalid(node)) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && (s.kind() == YamlNode.Scalar.Kind.BOOLEAN
                || s.substituted() && (s.text().equals("true") || s.text().equals("false")))) {
            return Boolean.parseBoolean(s.text());
        }
        problem(key, "expected true or false, got " + node.describe());
        return null;
    }

    /** A list of single values; null when absent. */
    List<String> strings(String key) {
        YamlNode node = node(key);
        if (node == null || isInvalid(node)) {
            return null;
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            problem(key, "expected a list such as [a, b], got " + node.describe());
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            if (item instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL) {
                if (!isInvalid(s)) {
                    values.add(s.text());
                }
            } else {
                problems.add(item.at(), path(key) + "[" + i + "]", "expected a single value, got " + item.describe());
            }
        }
        return values;
    }

    /** The fields of a nested mapping; null when absent or not a mapping (then with a problem). */
    Fields object(String key, String expected) {
        YamlNode node = node(key);
        return node == null ? null : of(node, path(key), problems, expected);
    }

    void missing(String key) {
        problems.add(mapping.at(), path(key), "required field is missing");
    }

    /** The entries of the mapping, in the order written. */
    java.util.Collection<YamlNode.Mapping.Entry> entries() {
        return mapping.entries().values();
    }

    static Double numberOf(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            if (s.kind() == YamlNode.Scalar.Kind.NUMBER) {
                return s.number();
            }
            if (s.substituted() && s.text().matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return Double.parseDouble(s.text());
            }
        }
        return null;
    }

    private boolean isInvalid(YamlNode node) {
        boolean invalid = node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INVALID;
        if (invalid) {
            problems.alreadyReported();
        }
        return invalid;
    }
}
