package io.perfopt.simulator.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults of one agent over virtual time, each from its start to its end, so that every
 * simulated arrival meets exactly the faults in force at its own instant.
 */
final class FaultSchedule {

    /** Compounding drift is capped so a forgotten drift slows an agent down, not the simulator. */
    private static final double MAX_SLOWDOWN = 1000;

    private record Entry(Fault fault, double startMs, double endMs) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a fault starting at {@code startMs}; returns when it ends (infinity for a drift). */
    double add(Fault fault, double startMs) {
        double endMs = Double.POSITIVE_INFINITY;
        if (fault instanceof Fault.LatencySpike spike) {
            endMs = startMs + spike.duration().toMillis();
        } else if (fault instanceof Fault.ErrorBurst burst) {
            endMs = startMs + burst.duration().toMillis();
        }
        entries.add(new Entry(fault, startMs, endMs));
        return endMs;
    }

    void clear() {
        entries.clear();
    }

    /** Forgets faults that ended before {@code ms}. */
    void forgetEndedBefore(double ms) {
        entries.removeIf(e -> e.endMs < ms);
    }

    Conditions at(double ms) {
        if (entries.isEmpty()) {
            return Conditions.NORMAL;
        }
        double work = 1;
        double message = 1;
        double survive = 1;
        for (Entry e : entries) {
            if (ms < e.startMs || ms >= e.endMs) {
                continue;
            }
            if (e.fault instanceof Fault.LatencySpike spike) {
                work *= spike.factor();
            } else if (e.fault instanceof Fault.ErrorBurst burst) {
                survive *= 1 - burst.errorRate();
            } else if (e.fault instanceof Fault.Drift drift) {
                double minutes = (ms - e.startMs) / 60_000;
                switch (drift.metric()) {
                    case "responseTimeMs" -> work *= Math.pow(1 + drift.perMinute(), minutes);
                    case "messageLatencyMs" -> message *= Math.pow(1 + drift.perMinute(), minutes);
                    default -> survive *= Math.pow(1 - drift.perMinute(), minutes);
                }
            }
        }
        return new Conditions(Math.min(work, MAX_SLOWDOWN), Math.min(message, MAX_SLOWDOWN), 1 - survive);
    }
}
