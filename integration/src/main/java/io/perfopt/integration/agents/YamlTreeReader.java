package io.perfopt.integration.agents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link YamlNode} tree from Jackson's YAML token stream, recording each token's line
 * and column. On the way it substitutes environment references in strings and reports
 * duplicate keys (which YAML forbids but parsers tend to resolve silently, last one winning).
 */
final class YamlTreeReader {

    private final JsonParser parser;
    private final EnvSubstitution environment;
    private final Problems problems;

    YamlTreeReader(JsonParser parser, EnvSubstitution environment, Problems problems) {
        this.parser = parser;
        this.environment = environment;
        this.problems = problems;
    }

    /** The document's root, or null for an empty document. */
    YamlNode read() throws IOException {
        return parser.nextToken() == null ? null : node("");
    }

    private YamlNode node(String path) throws IOException {
        Position at = Position.of(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(path, at);
            case START_ARRAY -> sequence(path, at);
            case VALUE_STRING -> string(path, at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new YamlNode.Scalar(YamlNode.Scalar.Kind.NUMBER, parser.getText(), parser.getDoubleValue(), false, at);
            case VALUE_TRUE, VALUE_FALSE ->
                    new YamlNode.Scalar(YamlNode.Scalar.Kind.BOOLEAN, parser.getText(), 0, false, at);
            case VALUE_NULL -> new YamlNode.Scalar(YamlNode.Scalar.Kind.NULL, "", 0, false, at);
            default -> {
                problems.add(at, path, "unsupported YAML value (" + token + ")");
                parser.skipChildren();
                yield YamlNode.Scalar.invalid(at);
            }
        };
    }

    private YamlNode mapping(String path, Position at) throws IOException {
        Map<String, YamlNode.Mapping.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Position keyAt = Position.of(parser.currentTokenLocation());
            String keyPath = path.isEmpty() ? key : path + "." + key;
            parser.nextToken();
            YamlNode value = node(keyPath);
            YamlNode.Mapping.Entry first = entries.get(key);
            if (first != null) {
                problems.add(keyAt, keyPath, "duplicate key; first written at line " + first.at().line());
            } else {
                entries.put(key, new YamlNode.Mapping.Entry(key, keyAt, value));
            }
        }
        return new YamlNode.Mapping(entries, at);
    }

    private YamlNode sequence(String path, Position at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(items, at);
    }

    private YamlNode string(String path, Position at) throws IOException {
        String text = parser.getText();
        if (!EnvSubstitution.applies(text)) {
            return new YamlNode.Scalar(YamlNode.Scalar.Kind.STRING, text, 0, false, at);
        }
        try {
            return new YamlNode.Scalar(YamlNode.Scalar.Kind.STRING, environment.apply(text), 0, true, at);
        } catch (IllegalArgumentException e) {
            problems.add(at, path, e.getMessage());
            return YamlNode.Scalar.invalid(at);
        }
    }
}
