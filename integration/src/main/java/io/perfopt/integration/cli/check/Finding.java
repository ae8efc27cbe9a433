package io.perfopt.integration.cli.check;

import io.perfopt.integration.agents.ConfigProblem;

/**
 * One thing wrong in a configuration file, located for a person and an editor:
 * {@code conf/perfopt.properties:23:21: perfopt.judge.alpha: must be a number, got "x"}.
 *
 * @param file    the file, as the user would type it
 * @param line    1-based; 0 when the problem has no single line (two settings that disagree)
 * @param column  1-based; 0 when unknown
 * @param field   the setting, field path or route; empty for the file as a whole
 * @param message what is wrong and what is allowed
 */
record Finding(String file, int line, int column, String field, String message) {

    static Finding of(ConfigProblem problem) {
        return new Finding(problem.source(), problem.line(), problem.column(), problem.path(), problem.message());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
