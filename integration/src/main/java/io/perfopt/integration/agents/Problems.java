package io.perfopt.integration.agents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one configuration text, so that all are reported together. */
final class Problems {

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private int failures;

    Problems(String source) {
        this.source = source;
    }

    void add(Position at, String path, String message) {
        problems.add(new ConfigProblem(source, at.line(), at.column(), path, message));
        failures++;
    }

    /**
     * Notes that a reader met a value whose problem was reported earlier (an unset environment
     * variable, found while the tree was built), so that {@link #count()} tells the reader that
     * what it is reading is incomplete.
     */
    void alreadyReported() {
        failures++;
    }

    /** Grows with every problem met, reported now or earlier; readers compare it before and after. */
    int count() {
        return failures;
    }

    /** Throws a {@link ConfigException} holding every problem, in source order, when there is any. */
    void throwIfAny() throws ConfigException {
        if (!problems.isEmpty()) {
            List<ConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(sorted);
        }
    }
}
