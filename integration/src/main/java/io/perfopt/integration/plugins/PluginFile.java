package io.perfopt.integration.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A plugin file in the plugin directory, with what tells a changed file from the one loaded: its
 * size and modification time. A zip is expanded by PF4J into a folder beside it; the host
 * deletes that folder when it loads the zip afresh and when the zip goes away.
 *
 * @param path     the file
 * @param size     its size in bytes when seen
 * @param modified its modification time when seen
 */
record PluginFile(Path path, long size, FileTime modified) {

    private static final String DESCRIPTOR_IN_ZIP = "classes/META-INF/MANIFEST.MF";
    private static final String PROPERTIES = "plugin.properties";

    /** The plugin files now in {@code directory}: visible {@code .zip} and {@code .jar} files, by name. */
    static List<PluginFile> scan(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> isZip(p) || isJar(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(PluginFile::of)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugin directory " + directory, e);
        }
    }

    /** The file as it is now; empty when it is gone. */
    static Optional<PluginFile> of(Path path) {
        try {
            return Optional.of(new PluginFile(path, Files.size(path), Files.getLastModifiedTime(path)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file name, as listings show it. */
    String name() {
        return path.getFileName().toString();
    }

    /** Whether this is another version of the file than {@code loaded} (same path, other size or time). */
    boolean changedSince(PluginFile loaded) {
        return size != loaded.size || !modified.equals(loaded.modified);
    }

    /** The folder PF4J expands a zip into: the zip's name without {@code .zip}, beside it. */
    Path expanded() {
        String name = name();
        return isZip(path) ? path.resolveSibling(name.substring(0, name.length() - ".zip".length())) : path;
    }

    /** What is wrong with the file as a plugin file, before PF4J tries it; empty when it looks like one. */
    Optional<String> problem() {
        if (isJar(path)) {
            try (JarFile jar = new JarFile(path.toFile())) {
                boolean described = jar.getEntry(PROPERTIES) != null || (jar.getManifest() != null
                        && jar.getManifest().getMainAttributes().getValue("Plugin-Id") != null);
                return described ? Optional.empty()
                        : Optional.of("its manifest has no Plugin-Id and it holds no plugin.properties");
            } catch (IOException e) {
                return Optional.of("it is not a readable jar (" + e.getMessage() + ")");
            }
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.getEntry(DESCRIPTOR_IN_ZIP) != null || zip.getEntry(PROPERTIES) != null ? Optional.empty()
                    : Optional.of("it holds neither " + DESCRIPTOR_IN_ZIP + " nor " + PROPERTIES);
        } catch (IOException e) {
            return Optional.of("it is not a readable zip (" + e.getMessage() + ")");
        }
    }

    /** Deletes the folder a zip was expanded into, if any. */
    void deleteExpanded() {
        Path folder = expanded();
        if (folder.equals(path) || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ", expanded from " + name(), e);
        }
    }

    private static boolean isZip(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }
}
