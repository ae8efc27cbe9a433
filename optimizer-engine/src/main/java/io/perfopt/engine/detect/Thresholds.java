package io.perfopt.engine.detect;

import io.perfopt.api.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detection thresholds of ARCHITECTURE.md (defaults from the seed design).
 *
 * @param responseTimeMs      response time (the configured statistic, p95 by default) above which an agent is slow (2000 ms)
 * @param successRate         success rate below which it is a MEDIUM bottleneck (0.70)
 * @param successRateCritical success rate below which it is CRITICAL (0.50)
 * @param coordinationScore   coordination score below which it is a MEDIUM bottleneck (0.60)
 * @param systemScore         system score below which it is HIGH (0.75)
 * @param systemScoreCritical system score below which it is CRITICAL (0.60)
 */
public record Thresholds(double responseTimeMs, double successRate, double successRateCritical,
                         double coordinationScore, double systemScore, double systemScoreCritical) {

    /** The component names {@link #with} accepts, in declaration order. */
    public static final List<String> NAMES = List.of("responseTimeMs", "successRate", "successRateCritical",
            "coordinationScore", "systemScore", "systemScoreCritical");

    public Thresholds {
        Require.finite("threshold responseTimeMs", responseTimeMs);
        if (responseTimeMs <= 0) {
            throw new IllegalArgumentException("threshold responseTimeMs must be > 0 ms, got " + Require.plain(responseTimeMs));
        }
        Require.between("threshold successRate", successRate, 0, 1);
        Require.between("threshold successRateCritical", successRateCritical, 0, 1);
        Require.between("threshold coordinationScore", coordinationScore, 0, 1);
        Require.between("threshold systemScore", systemScore, 0, 1);
        Require.between("threshold systemScoreCritical", systemScoreCritical, 0, 1);
        requireNotAbove("successRateCritical", successRateCritical, "successRate", successRate);
        requireNotAbove("systemScoreCritical", systemScoreCritical, "systemScore", systemScore);
    }

    public static Thresholds defaults() {
        return new Thresholds(2000, 0.70, 0.50, 0.60, 0.75, 0.60);
    }

    /**
     * These thresholds with the given fields replaced; keys are the component names above
     * ({@code responseTimeMs}, {@code successRate}, ...). Unknown keys are rejected with a
     * message listing the known ones.
     */
    public Thresholds with(Map<String, Double> overrides) {
        Require.notNull("threshold overrides", overrides);
        Map<String, Double> values = asMap();
        overrides.forEach((name, value) -> {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown threshold " + name + "; known thresholds are "
                        + String.join(", ", NAMES));
            }
            values.put(name, Require.notNull("threshold " + name, value));
        });
        return new Thresholds(values.get("responseTimeMs"), values.get("successRate"),
                values.get("successRateCritical"), values.get("coordinationScore"), values.get("systemScore"),
                values.get("systemScoreCritical"));
    }

    /** The thresholds by component name, in declaration order (for reports and the REST API). */
    public Map<String, Double> asMap() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("responseTimeMs", responseTimeMs);
        values.put("successRate", successRate);
        values.put("successRateCritical", successRateCritical);
        values.put("coordinationScore", coordinationScore);
        values.put("systemScore", systemScore);
        values.put("systemScoreCritical", systemScoreCritical);
        return values;
    }

    private static void requireNotAbove(String critical, double criticalValue, String field, double value) {
        if (criticalValue > value) {
            throw new IllegalArgumentException("threshold " + critical + " must be <= " + field + " ("
                    + Require.plain(value) + "), got " + Require.plain(criticalValue));
        }
    }
}
