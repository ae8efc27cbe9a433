package io.perfopt.simulator.kind;

import io.perfopt.simulator.agent.Conditions;
import io.perfopt.simulator.mechanism.BatchingLink;
import io.perfopt.simulator.mechanism.Draw;
import io.perfopt.simulator.metrics.MessageOutcome;
import io.perfopt.simulator.metrics.OutcomeSink;
import java.util.random.RandomGenerator;

/**
 * An agent's coordination messages to its peers, batched over one link ({@link BatchingLink}).
 * A message is worth most when fresh: its coordination value decays as
 * {@code exp(-latency / freshForMs)}, and it counts as cooperation when it arrived within
 * {@code freshForMs}. Some messages claim work a peer may claim too; settling such a conflict
 * takes the claim and the peer's answer over the same link, about twice the message's latency.
 */
final class PeerChannel {

    private final BatchingLink<Boolean> link;
    private final double freshForMs;
    private final double conflictShare;
    private OutcomeSink sink;

    PeerChannel(int batchSize, double lingerMs, double overheadMs, double perMessageMs, double maxQueueMs,
                double freshForMs, double conflictShare) {
        this.link = new BatchingLink<>(batchSize, lingerMs, overheadMs, perMessageMs, maxQueueMs);
        this.freshForMs = freshForMs;
        this.conflictShare = conflictShare;
    }

    void resize(int batchSize) {
        link.resize(batchSize);
    }

    /** Sends one message created at {@code atMs}. */
    void send(double atMs, Conditions conditions, RandomGenerator rng, OutcomeSink to) {
        sink = to;
        link.offer(atMs, Draw.chance(rng, conflictShare), conditions.messageSlowdown(), this::delivered);
    }

    void settle(double nowMs, Conditions conditions, OutcomeSink to) {
        sink = to;
        link.settle(nowMs, conditions.messageSlowdown(), this::delivered);
    }

    private void delivered(Boolean conflict, double createdMs, double deliveredMs) {
        if (Double.isNaN(deliveredMs)) {
            sink.message(createdMs, MessageOutcome.dropped());
            return;
        }
        double latencyMs = deliveredMs - createdMs;
        double freshness = Math.exp(-latencyMs / freshForMs);
        sink.message(createdMs, new MessageOutcome(true, latencyMs, freshness, latencyMs <= freshForMs ? 1 : 0));
        if (conflict) {
            sink.conflict(createdMs, 2 * latencyMs);
        }
    }
}
