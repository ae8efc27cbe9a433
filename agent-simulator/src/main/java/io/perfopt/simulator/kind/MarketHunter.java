package io.perfopt.simulator.kind;

import static io.perfopt.simulator.agent.KnobDefinition.ofDouble;
import static io.perfopt.simulator.agent.KnobDefinition.ofEnum;
import static io.perfopt.simulator.agent.KnobDefinition.ofInt;

import io.perfopt.simulator.agent.AgentBehaviour;
import io.perfopt.simulator.agent.AgentKind;
import io.perfopt.simulator.agent.Conditions;
import io.perfopt.simulator.agent.KnobValues;
import io.perfopt.simulator.mechanism.Admission;
import io.perfopt.simulator.mechanism.Draw;
import io.perfopt.simulator.mechanism.HeapModel;
import io.perfopt.simulator.mechanism.Judgement;
import io.perfopt.simulator.mechanism.LruCache;
import io.perfopt.simulator.mechanism.WorkerPool;
import io.perfopt.simulator.mechanism.ZipfKeys;
import io.perfopt.simulator.metrics.Gauges;
import io.perfopt.simulator.metrics.OutcomeSink;
import io.perfopt.simulator.metrics.RequestOutcome;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hunts trading opportunities. Each request queries {@code query.breadth} market sources
 * (keys drawn from a Zipf popularity, so the LRU {@code cache.size} decides the hit ratio; a
 * miss costs a backend call whose time depends on the source), weighs the observations into a
 * calibrated judgement, and acts when its confidence reaches {@code confidence.threshold}. The
 * work runs on {@code worker.threads} workers and is abandoned at {@code decision.timeout.ms}.
 * Each request sends a signal to peers in batches of {@code message.batch.size}.
 *
 * <p>Where too much hurts: workers (contention), the cache (its entries fill the heap until the
 * collector thrashes), breadth (each query adds latency until the timeout cuts requests off),
 * batch size (signals go stale waiting for the batch to fill).
 */
public final class MarketHunter implements AgentBehaviour {

    /** The sources a query can go to: how long a miss takes and how noisy the answer is. */
    enum Source {
        NEWS(70, 2.4), SOCIAL(45, 3.2), ONCHAIN(140, 1.7);

        final double missMs;
        final double noise;

        Source(double missMs, double noise) {
            this.missMs = missMs;
            this.noise = noise;
        }
    }

    public static final AgentKind KIND = new AgentKind("market-hunter", List.of(
            ofInt("cache.size", 0, 20000, 100, "latency", "cache", "resource"),
            ofInt("worker.threads", 1, 64, 6, "latency", "concurrency", "capacity", "resource"),
            ofInt("query.breadth", 1, 50, 9, "query", "success"),
            ofEnum("source.priority", List.of("news", "social", "onchain", "balanced"), "social", "query", "success"),
            ofDouble("confidence.threshold", 0.30, 0.95, 0.55, "confidence", "success"),
            ofInt("decision.timeout.ms", 200, 10000, 2800, "timeout", "latency", "decision"),
            ofInt("message.batch.size", 1, 200, 20, "coordination", "batching")),
            20, MarketHunter::new);

    private static final ZipfKeys KEYS = ZipfKeys.of(60_000, 0.95);
    private static final double HIT_MS = 1.5;
    private static final double MISS_CPU_MS = 2.5;
    private static final double COMPUTE_MS = 20;
    private static final double BASE_MB = 160;
    private static final double ENTRY_MB = 0.045;
    private static final double THREAD_MB = 1;
    private static final double ALLOCATION_PER_QUERY_MB = 0.2;

    private final LruCache cache = new LruCache(0);
    private final WorkerPool workers = new WorkerPool(1, 0.012);
    private final HeapModel heap = new HeapModel(1024, 0.3);
    private final PeerChannel peers = new PeerChannel(1, 1500, 45, 1.2, 2000, 800, 0.1);
    private int breadth;
    private String priority;
    private double threshold;
    private double timeoutMs;

    @Override
    public void configure(KnobValues knobs) {
        cache.resize(knobs.intValue("cache.size"));
        workers.resize(knobs.intValue("worker.threads"));
        breadth = knobs.intValue("query.breadth");
        priority = knobs.enumValue("source.priority");
        threshold = knobs.doubleValue("confidence.threshold");
        timeoutMs = knobs.intValue("decision.timeout.ms");
        peers.resize(knobs.intValue("message.batch.size"));
    }

    @Override
    public void serve(double arrivalMs, Conditions conditions, SplittableRandom rng, OutcomeSink sink) {
        int truth = rng.nextBoolean() ? 1 : -1;
        double workMs = COMPUTE_MS;
        double cpuMs = COMPUTE_MS;
        double llr = 0;
        for (int q = 0; q < breadth; q++) {
            Source source = sourceOf(q);
            if (cache.access(KEYS.next(rng) * Source.values().length + source.ordinal())) {
                workMs += HIT_MS;
                cpuMs += HIT_MS;
            } else {
                workMs += Draw.logNormal(rng, source.missMs, 0.6);
                cpuMs += MISS_CPU_MS;
            }
            llr += Judgement.evidence(truth, source.noise, rng);
        }
        workMs += heap.allocate(arrivalMs, liveMb(), ALLOCATION_PER_QUERY_MB * breadth);
        Admission admission = workers.admit(arrivalMs, workMs * conditions.workSlowdown(), timeoutMs);
        cpuMs = admission.serviceMs() > 0 ? cpuMs * workers.contentionFactor() : 0;
        if (admission.timedOut()) {
            sink.request(arrivalMs, RequestOutcome.notServed(admission, admission.latencyMs(), cpuMs));
        } else {
            sink.request(arrivalMs, RequestOutcome.judged(admission.latencyMs(), admission.serviceMs(), cpuMs,
                    Judgement.of(llr, 1), truth, threshold));
        }
        peers.send(arrivalMs, conditions, rng, sink);
    }

    @Override
    public void settle(double nowMs, Conditions conditions, OutcomeSink sink) {
        peers.settle(nowMs, conditions, sink);
    }

    @Override
    public Gauges gauges() {
        return new Gauges(heap.usedRatio(liveMb()), Math.min(1, 0.002 * workers.workers()), 4, 0.5);
    }

    private Source sourceOf(int query) {
        return switch (priority) {
            case "news" -> Source.NEWS;
            case "social" -> Source.SOCIAL;
            case "onchain" -> Source.ONCHAIN;
            default -> Source.values()[query % Source.values().length];
        };
    }

    private double liveMb() {
        return BASE_MB + cache.size() * ENTRY_MB + workers.workers() * THREAD_MB;
    }
}
