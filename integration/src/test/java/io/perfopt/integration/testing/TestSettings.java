package io.perfopt.integration.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings every in-process perfopt of the tests starts from: no scheduled polls or cycles
 * (a test runs each cycle, and the cycle polls every agent first), test-sized timings (detection
 * looks at 30 s, a change settles 5 s and is observed 30 s) and no agents file. Each harness adds
 * its port, its database and what its tests need.
 */
public final class TestSettings {

    private TestSettings() {
    }

    /** A new, changeable map of those settings. */
    public static Map<String, String> manualCycles() {
        return new HashMap<>(Map.of(
                "perfopt.cycle.enabled", "false",
                "perfopt.collect.scheduled", "false",
                "perfopt.collect.on-cycle", "true",
                "perfopt.detection.window", "30s",
                "perfopt.verification.settle", "5s",
                "perfopt.verification.window", "30s",
                "perfopt.verification.grace", "30s",
                "perfopt.agents.stale-after", "60s",
                "perfopt.window.max-age", "5m",
                "perfopt.agents.file", "does-not-exist.yaml"));
    }
}
