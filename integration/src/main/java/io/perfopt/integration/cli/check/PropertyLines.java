package io.perfopt.integration.cli.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each key of a {@code .properties} text is: its line, and the column its value starts
 * at. {@link java.util.Properties} reads the values; this only finds them, following the same
 * rules (comments {@code #} and {@code !}, separators {@code =}, {@code :} or blanks, a line
 * ending in an odd number of backslashes continues on the next).
 */
final class PropertyLines {

    /**
     * One key as written.
     *
     * @param key         the key, unescaped
     * @param line        1-based line it starts on
     * @param keyColumn   1-based column of the key
     * @param valueColumn 1-based column of its value on that line
     */
    record Entry(String key, int line, int keyColumn, int valueColumn) {
    }

    private PropertyLines() {
    }

    static List<Entry> of(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            int start = i;
            String line = lines[i];
            // skip the continuation lines of this logical line
            while (continues(lines[i]) && i + 1 < lines.length) {
                i++;
            }
            i++;
            String stripped = line.stripLeading();
            if (stripped.isEmpty() || stripped.charAt(0) == '#' || stripped.charAt(0) == '!') {
                continue;
            }
            entries.add(entry(line, start + 1));
        }
        return entries;
    }

    private static Entry entry(String line, int lineNumber) {
        int pos = 0;
        while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        int keyColumn = pos + 1;
        StringBuilder key = new StringBuilder();
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '\\' && pos + 1 < line.length()) {
                key.append(line.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            key.append(c);
            pos++;
        }
        // the separator: blanks, then at most one = or :, then blanks
        while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        if (pos < line.length() && (line.charAt(pos) == '=' || line.charAt(pos) == ':')) {
            pos++;
        }
        while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        return new Entry(key.toString(), lineNumber, keyColumn, pos + 1);
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
