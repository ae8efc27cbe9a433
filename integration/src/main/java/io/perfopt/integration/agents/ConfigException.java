package io.perfopt.integration.agents;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An agent configuration was rejected. It carries every problem found, not only the first, so
 * that a user fixes a file in one pass; the message is one {@link ConfigProblem} per line.
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they occur in the source. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }
}
