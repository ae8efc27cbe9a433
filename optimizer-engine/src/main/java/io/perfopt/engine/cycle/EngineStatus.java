package io.perfopt.engine.cycle;

import java.time.Instant;
import java.util.List;

/**
 * A node's engine at a glance, for the status API.
 *
 * @param nodeId           this node
 * @param cycles           cycles run since start
 * @param lastCycleAt      when the last cycle ended; null before the first
 * @param paused           whether new changes are paused
 * @param autonomyLevel    the current autonomy level (0.80..0.95)
 * @param maxUnattendedRisk the highest risk that runs without approval now
 * @param aggressiveness   the step multiplier (0.5..2)
 * @param control          the standing instructions, readable
 * @param changesInFlight  ids of changes applied and awaiting their verdict on this node's agents
 * @param approvalsWaiting ids of strategies waiting for approval
 */
public record EngineStatus(String nodeId, long cycles, Instant lastCycleAt, boolean paused, double autonomyLevel,
                           double maxUnattendedRisk, double aggressiveness, String control,
                           List<String> changesInFlight, List<String> approvalsWaiting) {

    public EngineStatus {
        changesInFlight = List.copyOf(changesInFlight);
        approvalsWaiting = List.copyOf(approvalsWaiting);
    }
}
