package io.perfopt.integration.agents;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each key and value was written, which
 * Jackson's own {@code JsonNode} forgets; every configuration problem is reported at its place.
 */
sealed interface YamlNode {

    /** Where the node starts. */
    Position at();

    /** Describes the node's kind for messages: "a mapping", "a list", "the number 5". */
    String describe();

    /**
     * A scalar.
     *
     * @param kind        what YAML made of it
     * @param text        its text, after environment substitution for strings
     * @param number      its value when {@code kind} is NUMBER
     * @param substituted whether {@code ${...}} references were replaced in it
     */
    record Scalar(Kind kind, String text, double number, boolean substituted, Position at) implements YamlNode {

        /** INVALID marks a value already reported as a problem (an unset variable), so it is not reported again. */
        enum Kind { STRING, NUMBER, BOOLEAN, NULL, INVALID }

        static Scalar invalid(Position at) {
            return new Scalar(Kind.INVALID, "", 0, false, at);
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the text \"" + text + "\"";
                case NUMBER -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case NULL, INVALID -> "nothing";
            };
        }
    }

    /** A mapping, keys in the order written. */
    record Mapping(Map<String, Entry> entries, Position at) implements YamlNode {

        /** One key with its value; {@code at} is where the key is written. */
        record Entry(String key, Position at, YamlNode value) {
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Position at) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
