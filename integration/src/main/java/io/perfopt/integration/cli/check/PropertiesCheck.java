package io.perfopt.integration.cli.check;

import io.perfopt.integration.app.PerfoptSettings;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Checks {@code conf/perfopt.properties}: every {@code perfopt.*} key is known (an unknown one is
 * most likely a typo, reported with the closest known key) and its value has the key's type;
 * Camel Main's options are known and typed; and the engine accepts the values, one by one (so
 * that a value out of range is reported on its own line) and all together.
 */
final class PropertiesCheck {

    private final KnownSettings known;
    private final CamelOptions camel;

    PropertiesCheck(KnownSettings known, CamelOptions camel) {
        this.known = known;
        this.camel = camel;
    }

    CheckedFile check(Path file, String shown) {
        if (!Files.isRegularFile(file)) {
            return new CheckedFile(shown, "not found: the built-in defaults apply", List.of());
        }
        String text;
        Properties values = new Properties();
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            values.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new CheckedFile(shown, "", List.of(new Finding(shown, 0, 0, "", "cannot be read: " + e.getMessage())));
        }
        List<Finding> problems = new ArrayList<>();
        List<PropertyLines.Entry> entries = PropertyLines.of(text);
        Map<String, PropertyLines.Entry> firstAt = new HashMap<>();
        Map<String, PropertyLines.Entry> lastAt = new HashMap<>();
        entries.forEach(e -> {
            firstAt.putIfAbsent(e.key(), e);
            lastAt.put(e.key(), e);
        });
        Set<String> wrong = new HashSet<>();
        for (PropertyLines.Entry entry : entries) {
            String key = entry.key();
            if (firstAt.get(key) != entry) {
                problems.add(atKey(shown, entry, "set again (first at line " + firstAt.get(key).line()
                        + "); only the last value counts"));
            }
            if (lastAt.get(key) != entry) {
                continue; // the value that counts is checked where it is written
            }
            Optional<String> unknown = unknown(key);
            if (unknown.isPresent()) {
                problems.add(atKey(shown, entry, unknown.get()));
                continue;
            }
            String value = values.getProperty(key, "").trim();
            problem(key, value).ifPresent(message -> {
                problems.add(at(shown, entry, key, message));
                wrong.add(key);
            });
        }
        problems.addAll(engineProblems(file, shown, values, lastAt, wrong));
        problems.sort(java.util.Comparator.comparingInt(Finding::line));
        long perfopt = values.stringPropertyNames().stream().filter(k -> k.startsWith("perfopt.")).count();
        return new CheckedFile(shown, perfopt + " of " + known.keys().size() + " perfopt settings set here",
                problems);
    }

    /** Why the key is most likely a typo: a perfopt setting or Camel Main option nobody reads. */
    private Optional<String> unknown(String key) {
        if (key.startsWith("perfopt.") && !known.knows(key)) {
            return Optional.of("unknown setting" + Closest.to(key, known.keys())
                    .map(c -> "; did you mean " + c + "?").orElse(""));
        }
        return key.startsWith("camel.") ? camel.unknown(key) : Optional.empty();
    }

    /** What is wrong with the value of a known perfopt setting or a Camel option. */
    private Optional<String> problem(String key, String value) {
        if (key.startsWith("perfopt.")) {
            return known.type(key).check(value);
        }
        if (key.startsWith("camel.")) {
            return camel.check(key, value);
        }
        return Optional.empty(); // a property of the user's own, e.g. for {{placeholders}} in routes
    }

    /**
     * The engine's own validation: each setting alone over the defaults (its problem then has a
     * line), then all of them together (settings that contradict each other).
     */
    private List<Finding> engineProblems(Path file, String shown, Properties values,
                                         Map<String, PropertyLines.Entry> lines, Set<String> wrong) {
        List<Finding> problems = new ArrayList<>();
        for (String key : values.stringPropertyNames()) {
            if (!key.startsWith("perfopt.") || !known.knows(key) || wrong.contains(key)) {
                continue;
            }
            try {
                PerfoptSettings.defaultsOnly().with(Map.of(key, values.getProperty(key).trim())).engineConfig();
            } catch (PerfoptSettings.SettingsException e) {
                wrong.add(key);
                PropertyLines.Entry entry = lines.get(key);
                problems.add(entry == null ? new Finding(shown, 0, 0, key, reason(e))
                        : at(shown, entry, key, reason(e)));
            }
        }
        if (wrong.isEmpty()) {
            try {
                PerfoptSettings.load(file, Map.of()).engineConfig();
            } catch (PerfoptSettings.SettingsException e) {
                e.getMessage().lines().forEach(line -> problems.add(new Finding(shown, 0, 0, "", strip(line))));
            }
        }
        return problems;
    }

    private static String reason(PerfoptSettings.SettingsException e) {
        return String.join("; ", e.getMessage().lines().map(PropertiesCheck::strip).toList());
    }

    // the engine's messages start with where the value came from; the finding says that already
    private static String strip(String message) {
        for (String prefix : List.of("perfopt settings: ", "override: ")) {
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }

    private static Finding at(String shown, PropertyLines.Entry entry, String key, String message) {
        return new Finding(shown, entry.line(), entry.valueColumn(), key, message);
    }

    private static Finding atKey(String shown, PropertyLines.Entry entry, String message) {
        return new Finding(shown, entry.line(), entry.keyColumn(), entry.key(), message);
    }
}
