package io.perfopt.integration.collect;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, per agent, what collection delivered and what it refused, so that a failing or
 * stale agent is visible in the API and a bad document is never silent. Thread-safe: every poll
 * route and the push endpoint report here.
 */
public final class CollectionHealth {

    private static final Logger log = LoggerFactory.getLogger(CollectionHealth.class);

    private final Clock clock;
    private final Map<String, AgentCollection> agents = new ConcurrentHashMap<>();

    public CollectionHealth(Clock clock) {
        this.clock = clock;
    }

    /** A document arrived: {@code accepted} samples recorded, {@code rejected} values refused. */
    public void delivered(String agentId, int accepted, List<String> rejected) {
        if (!rejected.isEmpty()) {
            log.warn("agent {}: {} value(s) refused: {}", agentId, rejected.size(), String.join("; ", rejected));
        }
        agents.compute(agentId, (id, c) -> {
            AgentCollection old = c == null ? AgentCollection.NONE : c;
            Map<String, Long> problems = new HashMap<>(old.problems());
            if (!rejected.isEmpty()) {
                problems.merge("invalid-value", (long) rejected.size(), Long::sum);
            }
            return new AgentCollection(old.polls() + 1, old.failures(), 0, clock.instant(), old.lastFailure(),
                    rejected.isEmpty() ? old.lastError() : rejected.get(rejected.size() - 1),
                    old.samplesAccepted() + accepted, old.samplesRejected() + rejected.size(), problems);
        });
    }

    /** Collection failed as a whole: {@code kind} is a short category, {@code reason} the detail. */
    public void failed(String agentId, String kind, String reason) {
        AgentCollection updated = agents.compute(agentId, (id, c) -> {
            AgentCollection old = c == null ? AgentCollection.NONE : c;
            Map<String, Long> problems = new HashMap<>(old.problems());
            problems.merge(kind, 1L, Long::sum);
            return new AgentCollection(old.polls(), old.failures() + 1, old.consecutiveFailures() + 1,
                    old.lastSuccess(), clock.instant(), reason, old.samplesAccepted(), old.samplesRejected(),
                    problems);
        });
        // the first failure of a streak is news; the rest repeat it at debug level
        if (updated.consecutiveFailures() == 1) {
            log.warn("agent {}: metrics collection failed ({}): {}", agentId, kind, reason);
        } else {
            log.debug("agent {}: metrics collection failed again ({} in a row, {}): {}", agentId,
                    updated.consecutiveFailures(), kind, reason);
        }
    }

    /** The agent's collection so far. */
    public AgentCollection of(String agentId) {
        return agents.getOrDefault(agentId, AgentCollection.NONE);
    }

    /** Every agent's collection, for metrics and status. */
    public Map<String, AgentCollection> all() {
        return Map.copyOf(agents);
    }

    /** Forgets an agent that left. */
    public void forget(String agentId) {
        agents.remove(agentId);
    }

    /** The agent's collection, if it was ever collected. */
    public Optional<AgentCollection> find(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }
}
