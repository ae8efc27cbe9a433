package io.perfopt.integration.ingest;

import io.perfopt.api.Require;

/**
 * A line of a Prometheus scrape that could not be read; the line was skipped and the rest of
 * the scrape kept.
 *
 * @param line    1-based line number
 * @param message what is wrong, quoting the offending text
 */
public record ScrapeError(int line, String message) {

    public ScrapeError {
        Require.nonNegative("line", (long) line);
        Require.notBlank("message", message);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
