package io.perfopt.integration.persist;

import java.nio.file.Path;

/**
 * Resolves the file path of an H2 URL against the perfopt home, so that the default
 * {@code jdbc:h2:file:./data/perfopt} lands in {@code <home>/data/} whatever the working
 * directory. H2 itself would resolve it against the working directory.
 */
final class H2Path {

    private static final String FILE = "jdbc:h2:file:";
    private static final String SHORT = "jdbc:h2:";

    private H2Path() {
    }

    /** The URL with a relative file path made absolute under {@code home}; any other URL unchanged. */
    static String resolve(String url, Path home) {
        String prefix;
        if (url.startsWith(FILE)) {
            prefix = FILE;
        } else if (url.startsWith(SHORT + "./") || url.startsWith(SHORT + "../")) {
            prefix = SHORT;
        } else {
            return url;
        }
        String rest = url.substring(prefix.length());
        int parameters = rest.indexOf(';');
        String path = parameters < 0 ? rest : rest.substring(0, parameters);
        String tail = parameters < 0 ? "" : rest.substring(parameters);
        if (path.startsWith("~") || Path.of(path).isAbsolute()) {
            return url;
        }
        return prefix + home.toAbsolutePath().resolve(path).normalize() + tail;
    }
}
