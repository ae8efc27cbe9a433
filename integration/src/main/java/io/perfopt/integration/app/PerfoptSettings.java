package io.perfopt.integration.app;

import io.perfopt.engine.autonomy.AutonomyConfig;
import io.perfopt.engine.cycle.EngineConfig;
import io.perfopt.engine.detect.DetectionConfig;
import io.perfopt.engine.detect.Thresholds;
import io.perfopt.engine.execute.VerificationConfig;
import io.perfopt.engine.forecast.ForecastConfig;
import io.perfopt.engine.judge.JudgeConfig;
import io.perfopt.engine.window.WindowConfig;
import io.perfopt.integration.agents.DurationText;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * perfopt's settings: the built-in defaults ({@code perfopt-defaults/perfopt.properties} on the
 * classpath), overlaid by the user's {@code conf/perfopt.properties}, overlaid by
 * {@code -Dperfopt.*} system properties and explicit overrides. A bad value is reported with the
 * file and key it came from.
 */
public final class PerfoptSettings {

    /** Where the built-in defaults live on the classpath. */
    public static final String DEFAULTS = "perfopt-defaults/perfopt.properties";

    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    private PerfoptSettings() {
    }

    /** The defaults, then the file (when it exists), then system properties, then the overrides. */
    public static PerfoptSettings load(Path file, Map<String, String> overrides) {
        PerfoptSettings settings = new PerfoptSettings();
        settings.overlay(defaults(), "built-in defaults");
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Properties p = new Properties();
                p.load(reader);
                settings.overlay(p, file.toString());
            } catch (IOException e) {
                throw new SettingsException("cannot read " + file + ": " + e.getMessage());
            }
        }
        Properties system = new Properties();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("perfopt."))
                .forEach(k -> system.setProperty(k, System.getProperty(k)));
        settings.overlay(system, "system property");
        Properties explicit = new Properties();
        explicit.putAll(overrides);
        settings.overlay(explicit, "command line");
        return settings;
    }

    /** The built-in defaults only. */
    public static PerfoptSettings defaultsOnly() {
        return load(null, Map.of());
    }

    /** These settings with some values replaced. */
    public PerfoptSettings with(Map<String, String> overrides) {
        PerfoptSettings copy = new PerfoptSettings();
        copy.values.putAll(values);
        copy.origins.putAll(origins);
        overrides.forEach((k, v) -> {
            copy.values.put(k, v);
            copy.origins.put(k, "override");
        });
        return copy;
    }

    private static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = PerfoptSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new SettingsException("the built-in defaults " + DEFAULTS + " are missing from the classpath");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SettingsException("cannot read the built-in defaults: " + e.getMessage());
        }
        return p;
    }

    private void overlay(Properties p, String origin) {
        for (String key : p.stringPropertyNames()) {
            values.put(key, p.getProperty(key).trim());
            origins.put(key, origin);
        }
    }

    /** A text value; throws naming the key when it is not set at all. */
    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new SettingsException("setting " + key + " is missing");
        }
        return value;
    }

    /** A text value, or {@code fallback} when unset or blank. */
    public String text(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException e) {
            throw bad(key, "a whole number");
        }
    }

    public long longValue(String key) {
        try {
            return Long.parseLong(text(key));
        } catch (NumberFormatException e) {
            throw bad(key, "a whole number");
        }
    }

    public double number(String key) {
        try {
            return Double.parseDouble(text(key));
        } catch (NumberFormatException e) {
            throw bad(key, "a number");
        }
    }

    public boolean flag(String key) {
        String v = text(key);
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw bad(key, "true or false");
        }
        return Boolean.parseBoolean(v);
    }

    public Duration duration(String key) {
        try {
            return DurationText.parse(text(key));
        } catch (IllegalArgumentException e) {
            throw bad(key, "a duration such as 500ms, 5s, 2m or 1h");
        }
    }

    /** Every setting with its value (tokens and passwords masked), for {@code config check} and logs. */
    public Map<String, String> describe() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, k.contains("token") || k.contains("password")
                ? (v.isEmpty() ? "" : "****") : v));
        return shown;
    }

    /** Where a key's value came from. */
    public String origin(String key) {
        return origins.getOrDefault(key, "unset");
    }

    /** The engine's configuration from the {@code perfopt.*} settings; every problem is reported at once. */
    public EngineConfig engineConfig() {
        List<String> problems = new ArrayList<>();
        EngineConfig.Builder b = EngineConfig.builder();
        attempt(problems, () -> b.nodeId(text("perfopt.node.id")));
        attempt(problems, () -> b.window(new WindowConfig(duration("perfopt.window.max-age"),
                integer("perfopt.window.max-samples"))));
        attempt(problems, () -> b.detection(new DetectionConfig(integer("perfopt.detection.raise-after"),
                integer("perfopt.detection.clear-after"), number("perfopt.detection.hysteresis"),
                text("perfopt.detection.latency-statistic"), integer("perfopt.detection.min-samples"))));
        attempt(problems, () -> b.detectionWindow(duration("perfopt.detection.window")));
        attempt(problems, () -> {
            int threads = integer("perfopt.detection.threads");
            if (threads != 0) { // 0: the engine's default, the cores up to 4
                b.detectionThreads(threads);
            }
        });
        attempt(problems, () -> b.thresholds(thresholds()));
        attempt(problems, () -> b.forecast(new ForecastConfig(number("perfopt.forecast.alpha"),
                number("perfopt.forecast.beta"), integer("perfopt.forecast.min-observations"),
                duration("perfopt.forecast.horizon"))));
        attempt(problems, () -> b.judge(new JudgeConfig(number("perfopt.judge.alpha"),
                integer("perfopt.judge.min-samples"), number("perfopt.judge.tolerance-percent"),
                number("perfopt.judge.confidence"), flag("perfopt.judge.keep-no-effect"))));
        attempt(problems, () -> b.verification(new VerificationConfig(duration("perfopt.verification.settle"),
                duration("perfopt.verification.window"), duration("perfopt.verification.grace"))));
        attempt(problems, () -> b.autonomy(new AutonomyConfig(number("perfopt.autonomy.floor"),
                number("perfopt.autonomy.ceiling"), integer("perfopt.autonomy.history"),
                integer("perfopt.autonomy.min-verdicts"))));
        attempt(problems, () -> b.staleAfter(duration("perfopt.agents.stale-after")));
        attempt(problems, () -> b.pluginTimeout(duration("perfopt.plugins.timeout")));
        attempt(problems, () -> b.pluginFailureLimit(integer("perfopt.plugins.failure-limit")));
        attempt(problems, () -> b.approvalExpiry(duration("perfopt.approvals.expiry")));
        attempt(problems, () -> b.maxChangesPerCycle(integer("perfopt.changes.max-per-cycle")));
        attempt(problems, () -> b.seed(longValue("perfopt.engine.seed")));
        if (!problems.isEmpty()) {
            throw new SettingsException(String.join("\n", problems));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new SettingsException("perfopt settings: " + e.getMessage());
        }
    }

    private Thresholds thresholds() {
        Map<String, Double> overrides = new LinkedHashMap<>();
        for (String name : Thresholds.NAMES) {
            String key = "perfopt.thresholds." + name;
            if (values.containsKey(key)) {
                overrides.put(name, number(key));
            }
        }
        return Thresholds.defaults().with(overrides);
    }

    private void attempt(List<String> problems, Runnable step) {
        try {
            step.run();
        } catch (SettingsException e) {
            problems.add(e.getMessage());
        } catch (IllegalArgumentException e) {
            problems.add("perfopt settings: " + e.getMessage());
        }
    }

    private SettingsException bad(String key, String expected) {
        return new SettingsException(origin(key) + ": " + key + " must be " + expected + ", got \""
                + values.get(key) + "\"");
    }

    /** A setting that is missing or malformed; the message names where it came from. */
    public static final class SettingsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SettingsException(String message) {
            super(message);
        }
    }
}
