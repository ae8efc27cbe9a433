package io.perfopt.integration.persist;

import java.time.Instant;
import java.util.List;

/**
 * One stored cycle as {@code GET /api/history} answers it: its summary columns and its verdicts.
 *
 * @param node             the node that ran it
 * @param cycle            its number on that node (starts again at 1 after a restart)
 * @param startedAt        start of the cycle
 * @param finishedAt       end of the cycle
 * @param durationMs       how long it took
 * @param systemScore      the fleet's health score; null when no agent was fresh
 * @param autonomyLevel    the autonomy level after it
 * @param agents           agents evaluated
 * @param bottlenecks      bottlenecks open after detection
 * @param strategies       strategies proposed
 * @param applied          strategies applied
 * @param awaitingApproval strategies waiting for approval
 * @param errors           errors that did not stop it
 * @param results          its verdicts (only the agent's, when the query names one)
 */
public record HistoryCycle(String node, long cycle, Instant startedAt, Instant finishedAt, double durationMs,
                           Double systemScore, double autonomyLevel, int agents, int bottlenecks, int strategies,
                           int applied, int awaitingApproval, int errors, List<HistoryResult> results) {

    public HistoryCycle {
        results = List.copyOf(results);
    }
}
