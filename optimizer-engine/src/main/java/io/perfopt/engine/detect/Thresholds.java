package io.perfopt.engine.detect;

import java.util.Map;

/**
 * The detection thresholds of ARCHITECTURE.md (defaults from the seed design).
 *
 * @param responseTimeMs      p95 response time above which an agent is slow (2000 ms)
 * @param successRate         success rate below which it is a MEDIUM bottleneck (0.70)
 * @param successRateCritical success rate below which it is CRITICAL (0.50)
 * @param coordinationScore   coordination score below which it is a MEDIUM bottleneck (0.60)
 * @param systemScore         system score below which it is HIGH (0.75)
 * @param systemScoreCritical system score below which it is CRITICAL (0.60)
 */
public record Thresholds(double responseTimeMs, double successRate, double successRateCritical,
                         double coordinationScore, double systemScore, double systemScoreCritical) {

    public Thresholds {
        // SKELETON: validate (positive rt, ratios in 0..1, critical <= non-critical), messages name the field
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
        throw new UnsupportedOperationException("not yet implemented");
    }
}
