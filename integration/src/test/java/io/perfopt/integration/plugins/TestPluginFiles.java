package io.perfopt.integration.plugins;

import java.nio.file.Path;

/** Real plugin files built at test time, for tests outside this package. */
public final class TestPluginFiles {

    private TestPluginFiles() {
    }

    /** A well-behaved plugin (it proposes nothing) written as {@code directory/id.zip}. */
    public static Path steady(Path directory, String id) {
        return BrokenPlugins.steady(id).writeZip(directory);
    }
}
