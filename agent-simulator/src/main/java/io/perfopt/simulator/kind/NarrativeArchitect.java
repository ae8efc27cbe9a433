package io.perfopt.simulator.kind;

import static io.perfopt.simulator.agent.KnobDefinition.ofDouble;
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
 * Writes market narratives with a language model. A request's topic is looked up in an LRU of
 * {@code cache.size} finished narratives (Zipf popularity); on a miss the model reads the last
 * {@code context.window} tokens of the topic's source document and generates. Reading costs
 * time per token (prefill) and holds a KV buffer per token in memory; the facts the narrative
 * rests on lie at random places in the document, so a wider window finds more of them, but
 * every token also dilutes attention, so each fact found is read less reliably — the window
 * has an interior optimum. A generation comes out invalid with a fixed chance and is retried
 * up to {@code retries} times: more success, more latency, more load on the workers.
 */
public final class NarrativeArchitect implements AgentBehaviour {

    public static final AgentKind KIND = new AgentKind("narrative-architect", List.of(
            ofInt("context.window", 512, 32768, 24576, "latency", "success", "resource"),
            ofInt("retries", 0, 5, 3, "retries", "success", "latency"),
            ofDouble("confidence.threshold", 0.30, 0.95, 0.5, "confidence", "success"),
            ofInt("cache.size", 0, 20000, 1000, "latency", "cache", "resource"),
            ofInt("message.batch.size", 1, 200, 3, "coordination", "batching")),
            2, NarrativeArchitect::new);

    private static final ZipfKeys TOPICS = ZipfKeys.of(40_000, 0.9);
    private static final int WORKERS = 8;
    private static final double TIMEOUT_MS = 15_000;
    private static final double CACHE_HIT_MS = 8;
    private static final double PREFILL_MS_PER_TOKEN = 0.06;
    private static final double DECODE_MS = 450;
    private static final double INVALID_OUTPUT_CHANCE = 0.2;
    private static final double DOCUMENT_TOKENS = 7000;
    private static final int FACTS = 4;
    private static final double FACT_NOISE = 1.3;
    /** Tokens of context that double the noise of reading one fact (attention dilution). */
    private static final double DILUTION_TOKENS = 12_000;
    private static final double BASE_MB = 300;
    private static final double CACHED_NARRATIVE_MB = 0.02;
    private static final double KV_MB_PER_TOKEN = 0.004;

    private final LruCache cache = new LruCache(0);
    private final WorkerPool workers = new WorkerPool(WORKERS, 0.01);
    private final HeapModel heap = new HeapModel(2048, 0.3);
    private final PeerChannel peers = new PeerChannel(3, 2000, 40, 1, 3000, 1500, 0.1);
    private int contextTokens;
    private int retries;
    private double threshold;

    @Override
    public void configure(KnobValues knobs) {
        contextTokens = knobs.intValue("context.window");
        retries = knobs.intValue("retries");
        threshold = knobs.doubleValue("confidence.threshold");
        cache.resize(knobs.intValue("cache.size"));
        peers.resize(knobs.intValue("message.batch.size"));
    }

    @Override
    public void serve(double arrivalMs, Conditions conditions, SplittableRandom rng, OutcomeSink sink) {
        int truth = rng.nextBoolean() ? 1 : -1;
        double llr = readFacts(truth, rng);
        double workMs;
        double cpuMs;
        boolean valid = true;
        if (cache.access(TOPICS.next(rng))) {
            workMs = CACHE_HIT_MS;
            cpuMs = CACHE_HIT_MS;
        } else {
            double attemptMs = 0;
            valid = false;
            int attempts = 0;
            while (!valid && attempts <= retries) {
                attemptMs += PREFILL_MS_PER_TOKEN * contextTokens + Draw.logNormal(rng, DECODE_MS, 0.5);
                valid = !Draw.chance(rng, INVALID_OUTPUT_CHANCE);
                attempts++;
            }
            workMs = attemptMs;
            cpuMs = attemptMs * 0.3;
        }
        workMs += heap.allocate(arrivalMs, liveMb(), contextTokens * 0.002);
        Admission admission = workers.admit(arrivalMs, workMs * conditions.workSlowdown(), TIMEOUT_MS);
        double usedCpuMs = admission.serviceMs() > 0 ? cpuMs * workers.contentionFactor() : 0;
        if (admission.timedOut() || !valid) {
            sink.request(arrivalMs, RequestOutcome.notServed(admission, admission.latencyMs(), usedCpuMs));
        } else {
            sink.request(arrivalMs, RequestOutcome.judged(admission.latencyMs(), admission.serviceMs(), usedCpuMs,
                    Judgement.of(llr, 1), truth, threshold));
        }
        peers.send(arrivalMs, conditions, rng, sink);
    }

    /** Reads the facts of a document that fall inside the context window; returns their evidence. */
    private double readFacts(int truth, SplittableRandom rng) {
        double documentTokens = Draw.logNormal(rng, DOCUMENT_TOKENS, 0.6);
        double firstVisible = Math.max(0, documentTokens - contextTokens);
        double noise = FACT_NOISE * (1 + Math.min(contextTokens, documentTokens) / DILUTION_TOKENS);
        double llr = 0;
        for (int f = 0; f < FACTS; f++) {
            if (rng.nextDouble() * documentTokens >= firstVisible) {
                llr += Judgement.evidence(truth, noise, rng);
            }
        }
        return llr;
    }

    @Override
    public void settle(double nowMs, Conditions conditions, OutcomeSink sink) {
        peers.settle(nowMs, conditions, sink);
    }

    @Override
    public Gauges gauges() {
        return new Gauges(heap.usedRatio(liveMb()), 0.01, 4, 0.5);
    }

    private double liveMb() {
        return BASE_MB + cache.size() * CACHED_NARRATIVE_MB + WORKERS * contextTokens * KV_MB_PER_TOKEN;
    }
}
