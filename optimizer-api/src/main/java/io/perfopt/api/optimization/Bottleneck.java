package io.perfopt.api.optimization;

import io.perfopt.api.Require;
import java.time.Instant;
import java.util.Map;

/**
 * A performance problem of one agent (or of the whole system), with the numbers that show it.
 *
 * @param type         what kind of problem
 * @param severity     how urgent
 * @param component    the agent id, or {@code system} for fleet-wide problems
 * @param metric       the metric that shows it
 * @param description  one readable sentence, e.g. "p95 response time 2800 ms exceeds 2000 ms"
 * @param impact       the seed's impact figure, in percent (see docs/ENGINE.md for each formula)
 * @param suggestedFix a hint for plugins and for people
 * @param evidence     the numbers behind it, e.g. {@code p95=2800, threshold=2000, samples=60}
 * @param origin       observed or forecast
 * @param detectedAt   when it was raised
 */
public record Bottleneck(BottleneckType type, Severity severity, String component, String metric,
                         String description, double impact, String suggestedFix, Map<String, Double> evidence,
                         Origin origin, Instant detectedAt) {

    /** The component name of fleet-wide bottlenecks. */
    public static final String SYSTEM = "system";

    public Bottleneck {
        Require.notNull("bottleneck type", type);
        Require.notNull("severity", severity);
        Require.notBlank("component", component);
        Require.notBlank("metric", metric);
        Require.notBlank("description", description);
        Require.nonNegative("impact", impact);
        suggestedFix = suggestedFix == null ? "" : suggestedFix;
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        evidence.forEach((k, v) -> Require.finite("evidence " + k, v));
        Require.notNull("origin", origin);
        Require.notNull("detectedAt", detectedAt);
    }

    /** Whether the bottleneck concerns the whole fleet rather than one agent. */
    public boolean systemWide() {
        return SYSTEM.equals(component);
    }

    /** The identity of a bottleneck across evaluations: same type, component and origin. */
    public String key() {
        return component + "/" + type + "/" + origin;
    }
}
