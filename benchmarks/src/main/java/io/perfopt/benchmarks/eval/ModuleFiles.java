package io.perfopt.benchmarks.eval;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the benchmarks module found from where its classes were loaded ({@code benchmarks/target/classes}). */
final class ModuleFiles {

    private ModuleFiles() {
    }

    /** The benchmarks module's directory. */
    static Path moduleDir() {
        try {
            Path classes = Path.of(ModuleFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = classes.getParent().getParent();
            if (!Files.isRegularFile(dir.resolve("optuna_tpe.py"))) {
                throw new IllegalStateException("cannot find the benchmarks module from " + classes);
            }
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plugin files the build copied: {@code benchmarks/target/plugins}. */
    static Path pluginFiles() {
        return moduleDir().resolve("target/plugins");
    }

    static Path optunaScript() {
        return moduleDir().resolve("optuna_tpe.py");
    }
}
