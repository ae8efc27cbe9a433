package io.perfopt.integration.cli.check;

import io.perfopt.integration.app.PerfoptSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code perfopt.*} settings perfopt knows: every key of the built-in defaults (so a setting
 * another part of perfopt adds there is known at once), each with the type its value must have.
 * Types are listed here for the settings whose default alone would not tell (a whole-number
 * default of a setting that takes fractions, a cron expression, a list of choices); the others
 * take the type their default suggests.
 */
final class KnownSettings {

    private static final Map<String, SettingType> TYPES = Map.ofEntries(
            Map.entry("perfopt.node.id", SettingType.REQUIRED_TEXT),
            Map.entry("perfopt.api.port", SettingType.PORT),
            Map.entry("perfopt.api.max-body-bytes", SettingType.BYTES),
            Map.entry("perfopt.collect.max-body-bytes", SettingType.BYTES),
            Map.entry("perfopt.observe.access", SettingType.oneOf("local", "open", "token")),
            Map.entry("perfopt.cycle.cron", SettingType.CRON),
            Map.entry("perfopt.detection.raise-after", SettingType.WHOLE),
            Map.entry("perfopt.detection.clear-after", SettingType.WHOLE),
            Map.entry("perfopt.detection.min-samples", SettingType.WHOLE),
            Map.entry("perfopt.detection.latency-statistic", SettingType.oneOf("mean", "p50", "p95", "p99")),
            Map.entry("perfopt.forecast.min-observations", SettingType.WHOLE),
            Map.entry("perfopt.judge.min-samples", SettingType.WHOLE),
            Map.entry("perfopt.window.max-samples", SettingType.WHOLE),
            Map.entry("perfopt.autonomy.history", SettingType.WHOLE),
            Map.entry("perfopt.autonomy.min-verdicts", SettingType.WHOLE),
            Map.entry("perfopt.changes.max-per-cycle", SettingType.WHOLE),
            Map.entry("perfopt.engine.seed", SettingType.WHOLE),
            Map.entry("perfopt.plugins.failure-limit", SettingType.WHOLE));

    private final Map<String, SettingType> known = new TreeMap<>();

    private KnownSettings() {
    }

    /** The settings of the built-in defaults on the classpath. */
    static KnownSettings fromDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = KnownSettings.class.getClassLoader().getResourceAsStream(PerfoptSettings.DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(PerfoptSettings.DEFAULTS + " is missing from the classpath");
            }
            defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PerfoptSettings.DEFAULTS, e);
        }
        KnownSettings settings = new KnownSettings();
        for (String key : defaults.stringPropertyNames()) {
            if (key.startsWith("perfopt.")) {
                settings.known.put(key, TYPES.getOrDefault(key, SettingType.suggestedBy(defaults.getProperty(key))));
            }
        }
        return settings;
    }

    boolean knows(String key) {
        return known.containsKey(key);
    }

    SettingType type(String key) {
        return known.getOrDefault(key, SettingType.TEXT);
    }

    Set<String> keys() {
        return known.keySet();
    }
}
