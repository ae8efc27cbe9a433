package io.perfopt.integration.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus text exposition format 0.0.4: {@code # HELP} and {@code # TYPE} lines,
 * other comments, blank lines, and sample lines with optional labels (escapes {@code \\},
 * {@code \"}, {@code \n}), values including {@code NaN}, {@code +Inf} and {@code -Inf}, and
 * optional timestamps.
 *
 * <p>A scrape is read line by line and a malformed line costs only itself: it is reported as a
 * {@link ScrapeError} with its line number and the rest is kept, because one exporter bug must
 * not blind perfopt to every other series of the agent. Stateless and thread-safe.
 */
public final class PrometheusTextParser {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern BLANKS = Pattern.compile("[ \t]+");

    /** The families and errors of one scrape. */
    public PrometheusScrape parse(String text) {
        FamilyAssembler families = new FamilyAssembler();
        List<ScrapeError> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            try {
                read(line, families);
            } catch (IllegalArgumentException e) {
                errors.add(new ScrapeError(i + 1, e.getMessage()));
            }
        }
        return new PrometheusScrape(families.build(), errors);
    }

    private static void read(String line, FamilyAssembler families) {
        String content = line.stripLeading();
        if (content.isEmpty()) {
            return;
        }
        if (content.startsWith("#")) {
            comment(content.substring(1).stripLeading(), families);
        } else {
            families.add(SampleLineReader.read(line));
        }
    }

    // "# HELP name text" and "# TYPE name type" carry meaning; every other '#' line is a comment.
    private static void comment(String text, FamilyAssembler families) {
        String[] parts = BLANKS.split(text, 3);
        boolean help = parts[0].equals("HELP");
        if (!help && !parts[0].equals("TYPE")) {
            return;
        }
        if (parts.length < 2 || !METRIC_NAME.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException(parts[0] + " line without a valid metric name: \"# " + text + "\"");
        }
        String rest = parts.length > 2 ? parts[2] : "";
        if (help) {
            families.help(parts[1], unescapeHelp(rest));
        } else {
            families.type(parts[1], MetricType.ofExpositionName(rest.strip()));
        }
    }

    // HELP text escapes only the backslash and the line feed.
    private static String unescapeHelp(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == 'n')) {
                out.append(text.charAt(++i) == 'n' ? '\n' : '\\');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
