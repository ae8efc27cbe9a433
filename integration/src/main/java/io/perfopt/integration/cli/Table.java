package io.perfopt.integration.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: a header, aligned columns two spaces apart, long cells cut short. Numbers
 * are right-aligned ({@link #right}); the last column is never padded, so lines carry no
 * trailing blanks.
 *
 * <pre>
 *   AGENT            FRESHNESS  SAMPLES
 *   market-hunter    fresh          412
 * </pre>
 */
final class Table {

    static final int MAX_CELL = 60;

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
        this.rightAligned = new boolean[headers.length];
    }

    /** Right-aligns the named columns (numbers). */
    Table right(String... columns) {
        for (String column : columns) {
            int i = headers.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + headers);
            }
            rightAligned[i] = true;
        }
        return this;
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of "
                    + headers.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toArray(String[]::new));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
        }
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        line(out, headers.toArray(String[]::new), widths);
        rows.forEach(r -> line(out, r, widths));
        out.flush();
    }

    private void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String pad = " ".repeat(widths[i] - cells[i].length());
            if (rightAligned[i]) {
                line.append(pad).append(cells[i]);
            } else {
                line.append(cells[i]).append(last ? "" : pad);
            }
            if (!last) {
                line.append("  ");
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static String cell(Object value) {
        String text = value == null ? "-" : String.valueOf(value).replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return "-";
        }
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 3) + "..." : text;
    }
}
