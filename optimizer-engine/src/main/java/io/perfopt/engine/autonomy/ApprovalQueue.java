package io.perfopt.engine.autonomy;

import io.perfopt.api.knob.KnobChange;
import io.perfopt.engine.plan.RankedStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strategies too risky for the current autonomy level, waiting for the orchestrator. One
 * equivalent strategy (same agent, same changes) waits at a time; an approved one runs when its
 * agent is next free, a rejected or expired one is dropped.
 */
public final class ApprovalQueue {

    private final Duration expiry;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    /** @param expiry how long a strategy waits before it is dropped */
    public ApprovalQueue(Duration expiry) {
        this.expiry = expiry;
    }

    /**
     * A strategy waiting for a decision.
     *
     * @param candidate the strategy and the knobs it was planned on
     * @param since     when it started waiting
     * @param approved  whether the orchestrator approved it
     */
    public record Waiting(RankedStrategy candidate, Instant since, boolean approved) {
        public String id() {
            return candidate.strategy().id();
        }

        public String agentId() {
            return candidate.strategy().target();
        }
    }

    /** Queues the strategy unless an equivalent one already waits; returns whether it was queued. */
    public synchronized boolean offer(RankedStrategy candidate, Instant now) {
        boolean duplicate = waiting.values().stream().anyMatch(w -> w.agentId().equals(candidate.strategy().target())
                && sameChanges(w.candidate().strategy().changes(), candidate.strategy().changes()));
        if (duplicate) {
            return false;
        }
        waiting.put(candidate.strategy().id(), new Waiting(candidate, now, false));
        return true;
    }

    /** Marks a waiting strategy approved; empty when no strategy of that id waits. */
    public synchronized Optional<Waiting> approve(String id) {
        Waiting w = waiting.get(id);
        if (w == null) {
            return Optional.empty();
        }
        Waiting approved = new Waiting(w.candidate(), w.since(), true);
        waiting.put(id, approved);
        return Optional.of(approved);
    }

    /** Removes a waiting strategy; empty when none of that id waits. */
    public synchronized Optional<Waiting> remove(String id) {
        return Optional.ofNullable(waiting.remove(id));
    }

    /** The approved strategies, oldest first. */
    public synchronized List<Waiting> approved() {
        return waiting.values().stream().filter(Waiting::approved).toList();
    }

    /** Everything waiting, oldest first. */
    public synchronized List<Waiting> all() {
        return new ArrayList<>(waiting.values());
    }

    /** Drops and returns the strategies that waited longer than the expiry without approval. */
    public synchronized List<Waiting> expire(Instant now) {
        List<Waiting> expired = waiting.values().stream()
                .filter(w -> !w.approved() && w.since().plus(expiry).isBefore(now)).toList();
        expired.forEach(w -> waiting.remove(w.id()));
        return expired;
    }

    private static boolean sameChanges(List<KnobChange> a, List<KnobChange> b) {
        return a.equals(b);
    }
}
