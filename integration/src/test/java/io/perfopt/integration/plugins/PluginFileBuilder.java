package io.perfopt.integration.plugins;

import io.perfopt.api.spi.OptimizerPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.pf4j.Extension;

/**
 * Builds a real plugin zip at test time, the way the plugins parent does: Java sources compiled
 * against optimizer-api and PF4J with the pf4j annotation processor (which writes
 * {@code META-INF/extensions.idx} from {@code @Extension}), a manifest with the plugin
 * descriptor, all under {@code classes/}, and an empty {@code lib/}.
 */
final class PluginFileBuilder {

    private final String id;
    private String version = "1.0.0";
    private String requires = ">=0.1.0";
    private final Map<String, String> sources = new LinkedHashMap<>();

    private PluginFileBuilder(String id) {
        this.id = id;
    }

    static PluginFileBuilder plugin(String id) {
        return new PluginFileBuilder(id);
    }

    /** A plugin of one {@code @Extension} class in package {@code test.plugins}, from its body. */
    static PluginFileBuilder optimizer(String id, String className, String body) {
        return plugin(id).source("test.plugins." + className, """
                package test.plugins;

                import io.perfopt.api.knob.KnobChange;
                import io.perfopt.api.optimization.BottleneckType;
                import io.perfopt.api.spi.OptimizerPlugin;
                import io.perfopt.api.spi.PlanningContext;
                import io.perfopt.api.spi.Proposal;
                import java.util.List;
                import java.util.Set;
                import org.pf4j.Extension;

                @Extension
                public class %s implements OptimizerPlugin {
                    public String id() { return "%s"; }
                    public Set<BottleneckType> handles() { return Set.of(BottleneckType.RESPONSE_TIME); }
                    %s
                }
                """.formatted(className, id, body));
    }

    PluginFileBuilder version(String value) {
        version = value;
        return this;
    }

    PluginFileBuilder requires(String value) {
        requires = value;
        return this;
    }

    PluginFileBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Compiles and writes {@code directory/{id}.zip}; returns its path. */
    Path writeZip(Path directory) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes-");
            compile(classes);
            Path zip = directory.resolve(id + ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("classes/META-INF/MANIFEST.MF"));
                manifest().write(out);
                out.closeEntry();
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = classes.relativize(file).toString().replace('\\', '/');
                        out.putNextEntry(new ZipEntry("classes/" + name));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new ZipEntry("lib/"));
                out.closeEntry();
            }
            delete(classes);
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles and writes {@code directory/{id}.jar}: classes at the root, the descriptor in its manifest. */
    Path writeJar(Path directory) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes-");
            compile(classes);
            Path jar = directory.resolve(id + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest());
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            delete(classes);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes that are no zip at all under {@code name}. */
    static Path writeCorrupt(Path directory, String name) {
        try {
            return Files.write(directory.resolve(name), "PK this is not a zip".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Provider", "perfopt tests");
        main.putValue("Plugin-Description", "built by " + getClass().getSimpleName());
        main.putValue("Plugin-Class", "org.pf4j.Plugin");
        return manifest;
    }

    private void compile(Path output) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        String classpath = jarOf(OptimizerPlugin.class) + java.io.File.pathSeparator + jarOf(Extension.class);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, null, diagnostics, List.of("-classpath", classpath, "-processorpath",
                classpath, "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor", "-d", output.toString()),
                null, units).call();
        if (!ok) {
            throw new IllegalStateException("test plugin " + id + " does not compile: " + diagnostics.getDiagnostics());
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
