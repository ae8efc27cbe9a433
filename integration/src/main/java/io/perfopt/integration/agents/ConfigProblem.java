package io.perfopt.integration.agents;

import io.perfopt.api.Require;

/**
 * One thing wrong with an agent configuration, located so that an editor can jump to it:
 * {@code agents.yaml:12:7: agents[1].control.url: not a valid http(s) URL "htp:/x"}.
 *
 * @param source  the file (or request) the configuration came from
 * @param line    1-based line of the offending key or value; 0 when unknown
 * @param column  1-based column; 0 when unknown
 * @param path    the field path, e.g. {@code agents[1].control.url}; empty for the document itself
 * @param message what is wrong and what is allowed
 */
public record ConfigProblem(String source, int line, int column, String path, String message) {

    public ConfigProblem {
        Require.notBlank("source", source);
        Require.nonNegative("line", (long) line);
        Require.nonNegative("column", (long) column);
        path = path == null ? "" : path;
        Require.notBlank("message", message);
    }

    /** {@code source:line:column: path: message}, the form {@code perfopt config check} prints. */
    @Override
    public String toString() {
        String where = source + ":" + line + ":" + column + ": ";
        return path.isEmpty() ? where + message : where + path + ": " + message;
    }
}
