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
import io.perfopt.simulator.mechanism.MarketTape;
import io.perfopt.simulator.mechanism.WorkerPool;
import io.perfopt.simulator.mechanism.ZipfKeys;
import io.perfopt.simulator.metrics.Gauges;
import io.perfopt.simulator.metrics.OutcomeSink;
import io.perfopt.simulator.metrics.RequestOutcome;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Analyses the market's direction. Each request is a market tick; the agent reads
 * {@code pattern.window} past returns (too short: noisy; too long: spans the last regime switch
 * and points the wrong way with confidence), six technical indicators (computed on a miss,
 * kept in an LRU of {@code indicator.cache.size}) and a sentiment reading from the chosen
 * {@code sentiment.model} (faster models are noisier). {@code sentiment.temperature} is the
 * model's sampling temperature: low values make its confidence overstated (it stops hedging,
 * so the confidence gate lets wrong calls through), high values add sampling noise and
 * understate confidence. It acts on the combined evidence at {@code confidence.threshold}.
 */
public final class MarketAnalyzer implements AgentBehaviour {

    /** The sentiment models: mean latency and noise of their reading. */
    enum Model {
        FAST(20, 2.4), BALANCED(60, 1.5), ACCURATE(220, 1.0);

        final double latencyMs;
        final double noise;

        Model(double latencyMs, double noise) {
            this.latencyMs = latencyMs;
            this.noise = noise;
        }
    }

    public static final AgentKind KIND = new AgentKind("market-analyzer", List.of(
            ofEnum("sentiment.model", List.of("fast", "balanced", "accurate"), "balanced",
                    "model", "success", "latency"),
            ofDouble("sentiment.temperature", 0.0, 1.5, 0.7, "model", "success"),
            ofInt("indicator.cache.size", 0, 5000, 1500, "latency", "cache", "resource"),
            ofInt("pattern.window", 10, 1000, 120, "pattern", "success", "latency"),
            ofDouble("confidence.threshold", 0.30, 0.95, 0.6, "confidence", "success"),
            ofInt("worker.threads", 1, 64, 8, "latency", "concurrency", "capacity", "resource")),
            15, MarketAnalyzer::new);

    /** The temperature at which the model's stated confidence is about right. */
    private static final double CALIBRATED_TEMPERATURE = 0.7;
    /** How much sampling noise one unit of temperature adds to the model's reading. */
    private static final double SAMPLING_NOISE = 1.2;
    private static final ZipfKeys INDICATORS = ZipfKeys.of(8000, 0.9);
    private static final int INDICATORS_PER_REQUEST = 6;
    private static final double INDICATOR_HIT_MS = 0.5;
    private static final double INDICATOR_MISS_MS = 12;
    private static final double PATTERN_MS_PER_POINT = 0.15;
    private static final double COMPUTE_MS = 10;
    private static final double TIMEOUT_MS = 5000;
    private static final double BASE_MB = 200;
    private static final double INDICATOR_MB = 0.08;
    private static final double THREAD_MB = 1;

    private final MarketTape tape = new MarketTape(1000, 0.1, 1.0, 1.0 / 300);
    private final LruCache indicators = new LruCache(0);
    private final WorkerPool workers = new WorkerPool(1, 0.012);
    private final HeapModel heap = new HeapModel(768, 0.3);
    private final PeerChannel peers = new PeerChannel(5, 1000, 30, 1, 2000, 1000, 0.1);
    private Model model;
    private double temperature;
    private int window;
    private double threshold;

    @Override
    public void configure(KnobValues knobs) {
        model = Model.valueOf(knobs.enumValue("sentiment.model").toUpperCase(java.util.Locale.ROOT));
        temperature = knobs.doubleValue("sentiment.temperature");
        indicators.resize(knobs.intValue("indicator.cache.size"));
        window = knobs.intValue("pattern.window");
        threshold = knobs.doubleValue("confidence.threshold");
        workers.resize(knobs.intValue("worker.threads"));
    }

    @Override
    public void serve(double arrivalMs, Conditions conditions, SplittableRandom rng, OutcomeSink sink) {
        tape.tick(rng);
        int truth = tape.regime();
        double cpuMs = COMPUTE_MS;
        for (int i = 0; i < INDICATORS_PER_REQUEST; i++) {
            cpuMs += indicators.access(INDICATORS.next(rng)) ? INDICATOR_HIT_MS : INDICATOR_MISS_MS;
        }
        int points = tape.windowLength(window);
        cpuMs += PATTERN_MS_PER_POINT * points;
        // The pattern is read as if the whole window were one regime: that is its bias.
        double patternLlr = 2 * tape.drift() * tape.windowSum(window) / (tape.noise() * tape.noise());
        double reading = Judgement.observe(truth, 1, model.noise, rng)
                + SAMPLING_NOISE * temperature * rng.nextGaussian();
        double sentimentLlr = Judgement.llr(reading, 1, model.noise)
                * CALIBRATED_TEMPERATURE / Math.max(temperature, 0.05);
        double workMs = cpuMs + Draw.logNormal(rng, model.latencyMs, 0.4)
                + heap.allocate(arrivalMs, liveMb(), 0.5 + points * 0.002);
        Admission admission = workers.admit(arrivalMs, workMs * conditions.workSlowdown(), TIMEOUT_MS);
        double usedCpuMs = cpuMs * workers.contentionFactor();
        if (admission.timedOut()) {
            sink.request(arrivalMs, RequestOutcome.notServed(admission, admission.latencyMs(),
                    admission.serviceMs() > 0 ? usedCpuMs : 0));
        } else {
            sink.request(arrivalMs, RequestOutcome.judged(admission.latencyMs(), admission.serviceMs(), usedCpuMs,
                    Judgement.of(patternLlr + sentimentLlr, 1), truth, threshold));
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

    private double liveMb() {
        return BASE_MB + indicators.size() * INDICATOR_MB + workers.workers() * THREAD_MB;
    }
}
