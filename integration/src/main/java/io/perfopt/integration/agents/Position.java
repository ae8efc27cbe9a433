package io.perfopt.integration.agents;

/**
 * A place in a configuration text.
 *
 * @param line   1-based line
 * @param column 1-based column
 */
record Position(int line, int column) {

    static final Position UNKNOWN = new Position(0, 0);

    static Position of(com.fasterxml.jackson.core.JsonLocation location) {
        return location == null ? UNKNOWN : new Position(Math.max(0, location.getLineNr()),
                Math.max(0, location.getColumnNr()));
    }
}
