package io.perfopt.simulator.kind;

import static io.perfopt.simulator.agent.KnobDefinition.ofInt;

import io.perfopt.simulator.agent.AgentBehaviour;
import io.perfopt.simulator.agent.AgentKind;
import io.perfopt.simulator.agent.Conditions;
import io.perfopt.simulator.agent.KnobValues;
import io.perfopt.simulator.mechanism.Admission;
import io.perfopt.simulator.mechanism.BatchingLink;
import io.perfopt.simulator.mechanism.Draw;
import io.perfopt.simulator.mechanism.Negotiation;
import io.perfopt.simulator.mechanism.WorkerPool;
import io.perfopt.simulator.metrics.Gauges;
import io.perfopt.simulator.metrics.MessageOutcome;
import io.perfopt.simulator.metrics.OutcomeSink;
import io.perfopt.simulator.metrics.RequestOutcome;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Coordinates a task across five peer agents. Each request is planned on one of
 * {@code worker.threads} workers, then negotiated with the peers for
 * {@code negotiation.rounds} rounds ({@link Negotiation}: each round wins over a share of the
 * undecided peers, costs a round trip, and waits at most {@code message.timeout.ms} for an
 * answer). Meanwhile the task's assignment goes to the peers over a link in batches of
 * {@code message.batch.size}. The task is coordinated once both are done; its coordination
 * score is the peers' agreement discounted by how long that took. The plan is adopted when at
 * least three peers agreed, and each peer that did not agree may block it.
 */
public final class StrategicOrchestrator implements AgentBehaviour {

    public static final AgentKind KIND = new AgentKind("strategic-orchestrator", List.of(
            ofInt("negotiation.rounds", 1, 20, 14, "coordination", "negotiation"),
            ofInt("message.batch.size", 1, 500, 24, "coordination", "batching", "latency"),
            ofInt("message.timeout.ms", 100, 10000, 4000, "coordination", "timeout"),
            ofInt("worker.threads", 1, 64, 12, "latency", "concurrency", "capacity", "resource")),
            8, StrategicOrchestrator::new);

    private static final int PEERS = 5;
    private static final double PLANNING_MS = 60;
    private static final double PLANNING_TIMEOUT_MS = 5000;
    /** How long a coordinated task stays worth its full agreement. */
    private static final double FRESH_FOR_MS = 2000;
    private static final double BLOCK_CHANCE = 0.3;
    private static final double THREAD_MB = 1;

    /** A task's assignment on its way to the peers, with how its negotiation went. */
    private record Assignment(double agreement, double negotiationMs) {
    }

    private final WorkerPool workers = new WorkerPool(1, 0.012);
    private final Negotiation negotiation = new Negotiation(PEERS, 0.35, 0.0005, 45, 0.5);
    private final BatchingLink<Assignment> link = new BatchingLink<>(1, 2000, 140, 1, 3000);
    private int rounds;
    private double messageTimeoutMs;
    private OutcomeSink sink;

    @Override
    public void configure(KnobValues knobs) {
        rounds = knobs.intValue("negotiation.rounds");
        link.resize(knobs.intValue("message.batch.size"));
        messageTimeoutMs = knobs.intValue("message.timeout.ms");
        workers.resize(knobs.intValue("worker.threads"));
    }

    @Override
    public void serve(double arrivalMs, Conditions conditions, SplittableRandom rng, OutcomeSink to) {
        sink = to;
        double planningMs = Draw.logNormal(rng, PLANNING_MS, 0.5);
        Admission admission = workers.admit(arrivalMs, planningMs * conditions.workSlowdown(), PLANNING_TIMEOUT_MS);
        double cpuMs = admission.serviceMs();
        if (admission.timedOut()) {
            sink.request(arrivalMs, RequestOutcome.notServed(admission, admission.latencyMs(), cpuMs));
            return;
        }
        Negotiation.Outcome outcome = negotiation.run(rounds, messageTimeoutMs, conditions.messageSlowdown(), rng);
        double agreement = outcome.agreement();
        boolean adopted = outcome.agreeing() * 2 > PEERS;
        boolean blocked = false;
        for (int peer = outcome.agreeing(); peer < PEERS; peer++) {
            blocked |= Draw.chance(rng, BLOCK_CHANCE);
        }
        sink.request(arrivalMs, RequestOutcome.analysed(admission.latencyMs() + outcome.durationMs(),
                admission.serviceMs() + outcome.durationMs(), cpuMs, 0.5 + agreement / 2, !blocked, adopted,
                !blocked));
        sink.conflict(arrivalMs, outcome.durationMs());
        link.offer(arrivalMs, new Assignment(agreement, outcome.durationMs()), conditions.messageSlowdown(),
                this::delivered);
    }

    @Override
    public void settle(double nowMs, Conditions conditions, OutcomeSink to) {
        sink = to;
        link.settle(nowMs, conditions.messageSlowdown(), this::delivered);
    }

    private void delivered(Assignment assignment, double createdMs, double deliveredMs) {
        if (Double.isNaN(deliveredMs)) {
            sink.message(createdMs, MessageOutcome.dropped());
            return;
        }
        double latencyMs = deliveredMs - createdMs;
        double coordinatedAfterMs = Math.max(latencyMs, assignment.negotiationMs());
        sink.message(createdMs, new MessageOutcome(true, latencyMs,
                assignment.agreement() * Math.exp(-coordinatedAfterMs / FRESH_FOR_MS), assignment.agreement()));
    }

    @Override
    public Gauges gauges() {
        double liveMb = 150 + workers.workers() * THREAD_MB;
        return new Gauges(Math.min(1, liveMb / 512), Math.min(1, 0.002 * workers.workers()), 4, 0.5);
    }
}
