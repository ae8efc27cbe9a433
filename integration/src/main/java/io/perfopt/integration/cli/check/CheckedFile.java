package io.perfopt.integration.cli.check;

import java.util.List;

/**
 * The outcome of checking one file (or directory).
 *
 * @param file     the file, as the user would type it
 * @param summary  what it holds when it is fine, e.g. {@code 5 agents}
 * @param problems what is wrong; empty when it is fine
 */
record CheckedFile(String file, String summary, List<Finding> problems) {

    CheckedFile {
        problems = List.copyOf(problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }
}
