package io.perfopt.integration.observe;

import java.util.Map;

/**
 * What a {@link Probe} found.
 *
 * @param up      whether the probed dependency works
 * @param message one sentence for a person, e.g. {@code "jdbc:h2:file:data/perfopt answers in 2 ms"}
 * @param details extra facts for the health answer (member count, URL without credentials, ...)
 */
public record ProbeResult(boolean up, String message, Map<String, Object> details) {

    public ProbeResult {
        message = message == null ? "" : message;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ProbeResult up(String message) {
        return new ProbeResult(true, message, Map.of());
    }

    public static ProbeResult down(String message) {
        return new ProbeResult(false, message, Map.of());
    }

    /** The same result with a detail added. */
    public ProbeResult with(String key, Object value) {
        var more = new java.util.LinkedHashMap<>(details);
        more.put(key, value);
        return new ProbeResult(up, message, more);
    }
}
