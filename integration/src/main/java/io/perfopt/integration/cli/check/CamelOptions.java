package io.perfopt.integration.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Camel Main's own options ({@code camel.main.*}, {@code camel.server.*}, {@code camel.metrics.*},
 * {@code camel.health.*}, ...) as Camel's configuration metadata lists them, so that a misspelt
 * one in {@code perfopt.properties} is reported instead of silently ignored. Names compare the
 * way Camel binds them: ignoring case and dashes. Keys of other groups (components, beans) are
 * not checked.
 */
final class CamelOptions {

    private static final String METADATA = "META-INF/camel-main-configuration-metadata.json";

    private final Set<String> groups = new HashSet<>();
    private final Map<String, JsonNode> options = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> maps = new ArrayList<>();

    private CamelOptions() {
    }

    static CamelOptions load() {
        CamelOptions camel = new CamelOptions();
        try (InputStream in = CamelOptions.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                return camel; // without the metadata nothing is checked
            }
            JsonNode metadata = Json.mapper().readTree(in);
            metadata.path("groups").forEach(g -> camel.groups.add(normal(g.path("name").asText())));
            for (JsonNode option : metadata.path("properties")) {
                String name = option.path("name").asText();
                camel.options.put(normal(name), option);
                camel.names.add(name);
                if (option.path("type").asText().equals("object") || option.path("type").asText().equals("array")) {
                    camel.maps.add(normal(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Camel's " + METADATA, e);
        }
        return camel;
    }

    /**
     * Why {@code key} is not a Camel Main option ("unknown ..., did you mean ..."); empty when it
     * is one, or belongs to a group this check does not know (components, beans, ...).
     */
    Optional<String> unknown(String key) {
        String normal = normal(key);
        int second = normal.indexOf('.', "camel.".length());
        if (second < 0 || !groups.contains(normal.substring(0, second)) || options.containsKey(normal)
                || maps.stream().anyMatch(m -> normal.startsWith(m + ".") || normal.startsWith(m + "["))) {
            return Optional.empty();
        }
        return Optional.of("unknown Camel option" + Closest.to(key, names).map(c -> "; did you mean " + c + "?")
                .orElse(""));
    }

    /** What is wrong with the value of a known option; empty when nothing is (or the option is not known). */
    Optional<String> check(String key, String value) {
        JsonNode option = options.get(normal(key));
        if (option == null || value.contains("{{") || value.contains("${")) {
            return Optional.empty(); // placeholders are resolved by Camel at start
        }
        return switch (option.path("type").asText()) {
            case "boolean" -> SettingType.FLAG.check(value);
            case "integer" -> SettingType.WHOLE.check(value);
            case "number" -> SettingType.NUMBER.check(value);
            case "enum" -> enumCheck(option, value);
            default -> Optional.empty();
        };
    }

    private static Optional<String> enumCheck(JsonNode option, String value) {
        List<String> allowed = new ArrayList<>();
        option.path("enum").forEach(e -> allowed.add(e.asText()));
        return allowed.isEmpty() ? Optional.empty() : SettingType.oneOf(allowed.toArray(String[]::new)).check(value);
    }

    private static String normal(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
