package io.perfopt.simulator.agent;

import java.time.Duration;
import java.util.Set;

/**
 * A fault injected into an agent for tests and demos. Faults act on the mechanisms, not on the
 * reported numbers: a latency spike slows the agent's work, so queues build behind it as they
 * would behind a slow backend.
 */
public sealed interface Fault {

    /** The fault's protocol name. */
    String type();

    /** Every unit of work takes {@code factor} times longer for {@code duration}. */
    record LatencySpike(double factor, Duration duration) implements Fault {
        public LatencySpike {
            if (!(factor >= 1 && factor <= 100)) {
                throw new IllegalArgumentException("latency-spike factor must be within 1..100, got " + factor);
            }
            requirePositive(duration);
        }

        @Override
        public String type() {
            return "latency-spike";
        }
    }

    /** Requests fail outright with probability {@code errorRate} for {@code duration}. */
    record ErrorBurst(double errorRate, Duration duration) implements Fault {
        public ErrorBurst {
            if (!(errorRate >= 0 && errorRate <= 1)) {
                throw new IllegalArgumentException("error-burst errorRate must be within 0..1, got " + errorRate);
            }
            requirePositive(duration);
        }

        @Override
        public String type() {
            return "error-burst";
        }
    }

    /**
     * A slow worsening of one metric's mechanism, compounding by {@code perMinute} each minute
     * until cleared: work ({@code responseTimeMs}) or the message link ({@code messageLatencyMs})
     * slows by a factor {@code (1 + perMinute)^minutes}; for {@code successRate}, requests fail
     * outright with probability {@code 1 - (1 - perMinute)^minutes}.
     */
    record Drift(String metric, double perMinute) implements Fault {

        /** The metrics a drift can act on. */
        public static final Set<String> METRICS = Set.of("responseTimeMs", "messageLatencyMs", "successRate");

        public Drift {
            if (!METRICS.contains(metric)) {
                throw new IllegalArgumentException("drift metric must be one of " + METRICS + ", got " + metric);
            }
            if (!(perMinute > 0 && perMinute <= 1)) {
                throw new IllegalArgumentException("drift perMinute must be within (0, 1], got " + perMinute);
            }
        }

        @Override
        public String type() {
            return "drift";
        }
    }

    private static void requirePositive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero() || duration.toDays() > 7) {
            throw new IllegalArgumentException("fault duration must be between 1 s and 7 days, got " + duration);
        }
    }
}
