package io.perfopt.integration.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads one sample line of the text exposition format 0.0.4:
 * {@code name [{label="value",...}] value [timestamp]}. A cursor walks the line once; every
 * problem is thrown as {@link IllegalArgumentException} naming the column, and the caller
 * turns it into a {@link ScrapeError} for the line.
 */
final class SampleLineReader {

    // The decimal forms Prometheus (Go's ParseFloat) reads; Java's parseDouble alone would also take "1d" or hex.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");

    private final String line;
    private int pos;

    private SampleLineReader(String line) {
        this.line = line;
    }

    /** The sample written on {@code line}. */
    static PrometheusSample read(String line) {
        return new SampleLineReader(line).sample();
    }

    /** A sample value: a decimal number, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    static double parseValue(String token) {
        switch (token.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "+inf", "inf", "+infinity", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!DECIMAL.matcher(token).matches()) {
                    throw new IllegalArgumentException("not a number \"" + token + "\"");
                }
                return Double.parseDouble(token);
        }
    }

    /** The numeric value of a label such as {@code le} or {@code quantile}; empty when absent or not a number. */
    static OptionalDouble numericLabel(PrometheusSample sample, String label) {
        String text = sample.label(label);
        if (text == null) {
            return OptionalDouble.empty();
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        boolean special = lower.matches("[+-]?(inf|infinity)|nan");
        return special || DECIMAL.matcher(text).matches() ? OptionalDouble.of(parseValue(text)) : OptionalDouble.empty();
    }

    private PrometheusSample sample() {
        skipBlanks();
        String name = name(true);
        int afterName = pos;
        skipBlanks();
        Map<String, String> labels = Map.of();
        if (pos < line.length() && line.charAt(pos) == '{') {
            labels = labels();
            skipBlanks();
        } else if (pos == afterName && pos < line.length()) {
            throw error("unexpected '" + line.charAt(pos) + "' in the series name " + name);
        }
        if (pos >= line.length()) {
            throw error("the value of " + name + " is missing");
        }
        double value = value();
        OptionalLong timestamp = OptionalLong.empty();
        skipBlanks();
        if (pos < line.length()) {
            timestamp = OptionalLong.of(timestamp());
        }
        skipBlanks();
        if (pos < line.length()) {
            throw error("unexpected text \"" + line.substring(pos) + "\" after the timestamp");
        }
        return new PrometheusSample(new SeriesId(name, labels), value, timestamp);
    }

    private double value() {
        int column = pos + 1;
        try {
            return parseValue(token());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + column + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> labels() {
        pos++; // '{'
        Map<String, String> labels = new LinkedHashMap<>();
        skipBlanks();
        while (peek() != '}') {
            int nameAt = pos;
            String labelName = name(false);
            skipBlanks();
            expect('=', "after label name " + labelName);
            skipBlanks();
            int quoteAt = pos;
            expect('"', "to open the value of label " + labelName);
            String value = labelValue(labelName, quoteAt);
            if (labels.put(labelName, value) != null) {
                throw errorAt(nameAt, "label " + labelName + " appears twice");
            }
            skipBlanks();
            if (peek() == ',') {
                pos++;
                skipBlanks();
            } else if (peek() != '}') {
                throw error("expected ',' or '}' after the value of label " + labelName);
            }
        }
        pos++; // '}'
        return labels;
    }

    private String labelValue(String labelName, int quoteAt) {
        StringBuilder value = new StringBuilder();
        while (pos < line.length()) {
            char c = line.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (pos >= line.length()) {
                    break;
                }
                char escaped = line.charAt(pos++);
                switch (escaped) {
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    case 'n' -> value.append('\n');
                    default -> throw error("invalid escape \\" + escaped + " in the value of label " + labelName
                            + "; only \\\\, \\\" and \\n are allowed");
                }
            } else {
                value.append(c);
            }
        }
        throw errorAt(quoteAt, "the value of label " + labelName + " opened here is not closed by '\"'");
    }

    private String name(boolean metric) {
        int start = pos;
        while (pos < line.length() && isNameChar(line.charAt(pos), pos == start, metric)) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a " + (metric ? "metric" : "label") + " name"
                    + (pos < line.length() ? " but found '" + line.charAt(pos) + "'" : ""));
        }
        return line.substring(start, pos);
    }

    private static boolean isNameChar(char c, boolean first, boolean metric) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (metric && c == ':');
        return letter || (!first && c >= '0' && c <= '9');
    }

    private long timestamp() {
        int column = pos + 1;
        String token = token();
        if (!INTEGER.matcher(token).matches()) {
            throw new IllegalArgumentException("column " + column + ": not a timestamp in milliseconds \"" + token + "\"");
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + ": timestamp \"" + token + "\" is out of range", e);
        }
    }

    private String token() {
        int start = pos;
        while (pos < line.length() && !isBlank(line.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a value");
        }
        return line.substring(start, pos);
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error("expected '" + c + "' " + what);
        }
        pos++;
    }

    private boolean blank() {
        return pos < line.length() && isBlank(line.charAt(pos));
    }

    private void skipBlanks() {
        while (blank()) {
            pos++;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private char peek() {
        if (pos >= line.length()) {
            throw error("the line ends early");
        }
        return line.charAt(pos);
    }

    private IllegalArgumentException error(String message) {
        return errorAt(pos, message);
    }

    private static IllegalArgumentException errorAt(int index, String message) {
        return new IllegalArgumentException("column " + (index + 1) + ": " + message);
    }
}
