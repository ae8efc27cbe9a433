package io.perfopt.benchmarks.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one method did to one fleet: every agent's start configuration and its changes in order.
 *
 * @param method  perfopt, random or optuna
 * @param seed    the fleet's seed
 * @param starts  the configuration of each agent at the start
 * @param changes each agent's verified changes, oldest first
 * @param end     the simulated time the run ended
 * @param note    anything the method reported (e.g. why it stopped early)
 */
public record MethodRun(String method, long seed, Map<String, Config> starts, Map<String, List<ChangeRecord>> changes,
                        Instant end, String note) {

    /** The configuration in force after the agent's first {@code k} changes, and when. */
    public Deployed afterChanges(String agentId, int k) {
        List<ChangeRecord> own = changes.getOrDefault(agentId, List.of());
        if (own.isEmpty()) {
            return new Deployed(starts.get(agentId), end, 0);
        }
        if (own.size() < k) {
            ChangeRecord last = own.get(own.size() - 1);
            return new Deployed(last.after(), end, own.size());
        }
        ChangeRecord kth = own.get(k - 1);
        return new Deployed(kth.after(), kth.at(), k);
    }

    /** A configuration in force at an instant, after {@code changes} changes. */
    public record Deployed(Config config, Instant at, int changes) {
    }
}
