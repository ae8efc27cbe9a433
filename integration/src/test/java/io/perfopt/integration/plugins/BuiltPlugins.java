package io.perfopt.integration.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The plugin zips the reactor built, as this module's build copied them to
 * {@code target/test-plugins/{artifactId}.zip}. Tests copy the ones they need into a directory of
 * their own, since PF4J expands zips beside them and tests remove and replace files.
 */
public final class BuiltPlugins {

    public static final Path BUILT = Path.of("target", "test-plugins");

    public static final String[] ALL = {"example-plugin", "latency-optimizer", "success-rate-optimizer",
        "coordination-optimizer", "predictive-optimizer", "resource-saver", "market-hunter-optimizer",
        "market-analyzer-optimizer", "execution-optimizer"};

    private BuiltPlugins() {
    }

    /** Copies the named plugin files into {@code directory}; returns the directory. */
    public static Path copy(Path directory, String... names) {
        for (String name : names) {
            Path source = BUILT.resolve(name + ".zip");
            if (!Files.isRegularFile(source)) {
                throw new IllegalStateException(source.toAbsolutePath() + " is missing: build with mvn verify, which "
                        + "packages the plugins and copies them here before the tests");
            }
            try {
                Files.copy(source, directory.resolve(name + ".zip"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }
}
