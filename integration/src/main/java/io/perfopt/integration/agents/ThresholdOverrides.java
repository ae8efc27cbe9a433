package io.perfopt.integration.agents;

import io.perfopt.api.Require;
import io.perfopt.engine.detect.Thresholds;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The detection thresholds an agent may override in {@code agents.yaml}. The names are the
 * components of the engine's {@link Thresholds}, read from the record itself so that this list
 * and the engine cannot drift apart.
 */
public final class ThresholdOverrides {

    /** {@code responseTimeMs}, {@code successRate}, {@code successRateCritical}, ... */
    public static final List<String> NAMES = Arrays.stream(Thresholds.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private static final String RESPONSE_TIME = "responseTimeMs";

    private ThresholdOverrides() {
    }

    /** Throws when {@code name} is no threshold or {@code value} is outside its range. */
    public static void check(String name, double value) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown threshold \"" + name + "\"; use one of "
                    + String.join(", ", NAMES));
        }
        if (name.equals(RESPONSE_TIME)) {
            Require.finite("threshold " + name, value);
            if (value <= 0) {
                throw new IllegalArgumentException("threshold " + name + " must be > 0 ms, got " + Require.plain(value));
            }
        } else {
            // every other threshold is a rate or a score
            Require.between("threshold " + name, value, 0, 1);
        }
    }
}
