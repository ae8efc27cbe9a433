package io.perfopt.simulator.kind;

import static io.perfopt.simulator.agent.KnobDefinition.ofDouble;
import static io.perfopt.simulator.agent.KnobDefinition.ofInt;

import io.perfopt.simulator.agent.AgentBehaviour;
import io.perfopt.simulator.agent.AgentKind;
import io.perfopt.simulator.agent.Conditions;
import io.perfopt.simulator.agent.KnobValues;
import io.perfopt.simulator.mechanism.Admission;
import io.perfopt.simulator.mechanism.BatchingLink;
import io.perfopt.simulator.mechanism.Draw;
import io.perfopt.simulator.mechanism.Judgement;
import io.perfopt.simulator.mechanism.WorkerPool;
import io.perfopt.simulator.metrics.Gauges;
import io.perfopt.simulator.metrics.OutcomeSink;
import io.perfopt.simulator.metrics.RequestOutcome;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Executes orders. Each order first passes a risk check, batched {@code risk.batch.size} at a
 * time through one risk engine (per-call overhead against waiting for the batch), then its
 * signals are evaluated on {@code signal.concurrency} workers, the whole bounded by
 * {@code decision.timeout.ms}. The order is placed when the signal's confidence reaches
 * {@code confidence.threshold}; it succeeds when the signal was right and the price has not
 * slipped past tolerance meanwhile — a random walk in the time the order took, so slow orders
 * fail even when they were right. Each order notifies peers in batches of
 * {@code message.batch.size}.
 */
public final class IntelligentExecution implements AgentBehaviour {

    public static final AgentKind KIND = new AgentKind("intelligent-execution", List.of(
            ofInt("decision.timeout.ms", 200, 10000, 1500, "timeout", "latency", "decision"),
            ofInt("risk.batch.size", 1, 256, 8, "batching", "latency"),
            ofInt("signal.concurrency", 1, 64, 10, "latency", "concurrency", "capacity", "resource"),
            ofDouble("confidence.threshold", 0.30, 0.95, 0.6, "confidence", "success"),
            ofInt("message.batch.size", 1, 200, 4, "coordination", "batching")),
            25, IntelligentExecution::new);

    private static final double SIGNAL_MS = 35;
    private static final int SIGNALS = 3;
    private static final double SIGNAL_NOISE = 1.6;
    /** Price volatility per square root of a second, in units of the slippage tolerance. */
    private static final double SLIPPAGE_PER_SQRT_S = 0.6;
    private static final double THREAD_MB = 1;

    /** An order waiting for its risk check. */
    private record Order(SplittableRandom rng, double conditionsSlowdown) {
    }

    private final BatchingLink<Order> riskEngine = new BatchingLink<>(1, 300, 45, 0.6, 1500);
    private final WorkerPool workers = new WorkerPool(1, 0.012);
    private final PeerChannel peers = new PeerChannel(4, 1000, 30, 1, 2000, 800, 0.1);
    private double timeoutMs;
    private double threshold;
    private OutcomeSink sink;

    @Override
    public void configure(KnobValues knobs) {
        timeoutMs = knobs.intValue("decision.timeout.ms");
        riskEngine.resize(knobs.intValue("risk.batch.size"));
        workers.resize(knobs.intValue("signal.concurrency"));
        threshold = knobs.doubleValue("confidence.threshold");
        peers.resize(knobs.intValue("message.batch.size"));
    }

    @Override
    public void serve(double arrivalMs, Conditions conditions, SplittableRandom rng, OutcomeSink to) {
        sink = to;
        // The order carries a random stream split off at arrival, so what happens to it after its
        // risk batch leaves does not depend on when the batch leaves.
        riskEngine.offer(arrivalMs, new Order(rng.split(), conditions.workSlowdown()), conditions.workSlowdown(),
                this::approved);
        peers.send(arrivalMs, conditions, rng, to);
    }

    @Override
    public void settle(double nowMs, Conditions conditions, OutcomeSink to) {
        sink = to;
        riskEngine.settle(nowMs, conditions.workSlowdown(), this::approved);
        peers.settle(nowMs, conditions, to);
    }

    private void approved(Order order, double arrivalMs, double approvedMs) {
        if (Double.isNaN(approvedMs)) {
            sink.request(arrivalMs, RequestOutcome.failed(Math.min(timeoutMs, 1500), 0));
            return;
        }
        double riskMs = approvedMs - arrivalMs;
        if (riskMs >= timeoutMs) {
            sink.request(arrivalMs, RequestOutcome.failed(timeoutMs, 0));
            return;
        }
        SplittableRandom rng = order.rng();
        int truth = rng.nextBoolean() ? 1 : -1;
        double llr = 0;
        for (int s = 0; s < SIGNALS; s++) {
            llr += Judgement.evidence(truth, SIGNAL_NOISE, rng);
        }
        double workMs = Draw.logNormal(rng, SIGNAL_MS, 0.5) * order.conditionsSlowdown();
        Admission admission = workers.admit(approvedMs, workMs, timeoutMs - riskMs);
        double latencyMs = riskMs + admission.latencyMs();
        if (admission.timedOut()) {
            sink.request(arrivalMs, RequestOutcome.notServed(admission, latencyMs, admission.serviceMs()));
            return;
        }
        Judgement judgement = Judgement.of(llr, 1);
        boolean correct = judgement.rightAbout(truth);
        double slippage = Math.abs(rng.nextGaussian()) * SLIPPAGE_PER_SQRT_S * Math.sqrt(latencyMs / 1000);
        boolean filled = slippage <= 1;
        sink.request(arrivalMs, RequestOutcome.analysed(latencyMs, admission.serviceMs(), admission.serviceMs(),
                judgement.confidence(), correct, judgement.confidence() >= threshold, correct && filled));
    }

    @Override
    public Gauges gauges() {
        double liveMb = 180 + workers.workers() * THREAD_MB;
        return new Gauges(Math.min(1, liveMb / 512), Math.min(1, 0.002 * workers.workers()), 4, 0.5);
    }
}
