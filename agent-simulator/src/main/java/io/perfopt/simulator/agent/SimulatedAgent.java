package io.perfopt.simulator.agent;

import io.perfopt.api.knob.Knob;
import io.perfopt.simulator.mechanism.Draw;
import io.perfopt.simulator.metrics.CumulativeStats;
import io.perfopt.simulator.metrics.IntervalMetrics;
import io.perfopt.simulator.metrics.IntervalStats;
import io.perfopt.simulator.metrics.FanOut;
import io.perfopt.simulator.metrics.OutcomeSink;
import io.perfopt.simulator.metrics.PrometheusText;
import io.perfopt.simulator.metrics.RequestOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated agent: a discrete-event model advanced lazily in virtual time. Whenever it is
 * asked anything, it first simulates every request that arrived since it was last asked —
 * Poisson arrivals at its request rate, drawn from its own seeded random stream, each served by
 * its {@link AgentBehaviour} with the knob values and faults in force at that arrival — and then
 * answers. A knob change therefore applies from the instant of the change, and a
 * {@code ManualClock} advanced by 30 s yields 30 s of traffic at the next poll, instantly.
 *
 * <p>Catching up is capped at {@link #MAX_CATCH_UP}: after a longer idle gap only its last part
 * is simulated, so an agent nobody polled for a day costs no more than one polled every ten
 * minutes. Thread-safe: every entry point holds the agent's lock.
 */
public final class SimulatedAgent {

    /** The longest stretch of traffic one call simulates. */
    public static final Duration MAX_CATCH_UP = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgent.class);
    private static final int MAX_HISTORY = 1000;
    /** An injected error answers fast, as a failing dependency does. */
    private static final double FAST_FAILURE_MS = 5;

    private final String id;
    private final AgentKind kind;
    private final Clock clock;
    private Instant epoch;
    private final String token;
    private final double requestsPerSecond;
    private final double meanGapMs;
    private final KnobBoard knobs;
    private final AgentBehaviour behaviour;
    private final SplittableRandom rng;
    private final FaultSchedule faults = new FaultSchedule();
    private final List<ActiveFault> activeFaults = new ArrayList<>();
    private final Cursor json;
    private final Cursor prometheus;
    private final Cursor inspection;
    private final CumulativeStats totals = new CumulativeStats();
    private final Map<String, Double> latestGauges = new LinkedHashMap<>();
    private final Deque<KnobChangeRecord> history = new ArrayDeque<>();
    private final OutcomeSink everyone;
    private double advancedToMs;
    private double nextArrivalMs;
    private double catchUpStartMs;

    /** One reader's position: what it has not read yet, and since when. */
    private static final class Cursor {
        final IntervalStats stats;
        double fromMs;

        Cursor(long seed) {
            stats = new IntervalStats(seed);
        }
    }

    /**
     * @param id                unique id
     * @param kind              what kind of agent
     * @param requestsPerSecond offered load
     * @param token             bearer token for the control endpoints, or {@code null} for none
     * @param clock             the source of virtual time
     * @param seed              the seed of all its randomness
     */
    public SimulatedAgent(String id, AgentKind kind, double requestsPerSecond, String token, Clock clock, long seed) {
        if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("agent id must be letters, digits, '.', '_' or '-', got " + id);
        }
        if (!(requestsPerSecond > 0) || requestsPerSecond > 100_000) {
            throw new IllegalArgumentException("agent " + id + ": requestsPerSecond must be within (0, 100000], got "
                    + requestsPerSecond);
        }
        this.id = id;
        this.kind = kind;
        this.clock = clock;
        this.epoch = clock.instant();
        this.token = token;
        this.requestsPerSecond = requestsPerSecond;
        this.meanGapMs = 1000 / requestsPerSecond;
        this.knobs = new KnobBoard(kind.knobs());
        this.behaviour = kind.behaviour().get();
        this.behaviour.configure(knobs);
        SplittableRandom seeds = new SplittableRandom(seed);
        this.rng = seeds.split();
        this.json = new Cursor(seeds.nextLong());
        this.prometheus = new Cursor(seeds.nextLong());
        this.inspection = new Cursor(seeds.nextLong());
        this.everyone = new FanOut(List.of(json.stats, prometheus.stats, inspection.stats, totals));
        this.nextArrivalMs = Draw.exponential(rng, meanGapMs);
    }

    public String id() {
        return id;
    }

    /** The agent's class, e.g. {@code market-hunter}. */
    public String agentClass() {
        return kind.className();
    }

    public AgentKind kind() {
        return kind;
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    /** Whether the control endpoints need a bearer token. */
    public boolean requiresToken() {
        return token != null;
    }

    /** The knobs at their current values. */
    public synchronized List<Knob> knobs() {
        return knobs.knobs();
    }

    /** One knob at its current value. */
    public synchronized Knob knob(String name) {
        return knobs.knob(name);
    }

    /**
     * Changes a knob, from now on. Needs the agent's token when it has one.
     *
     * @param wireValue a Number, Boolean or enum value name, as in the protocol's JSON
     * @return the knob after the change
     * @throws UnauthorizedException          without the right token
     * @throws java.util.NoSuchElementException for an unknown knob
     * @throws IllegalArgumentException       for a value of the wrong type or out of range
     */
    public synchronized Knob setKnob(String name, Object wireValue, String bearerToken) {
        authorize(bearerToken);
        Instant now = clock.instant();
        advance(now);
        Knob before = knobs.set(name, wireValue);
        behaviour.configure(knobs);
        Knob after = knobs.knob(name);
        KnobChangeRecord change = new KnobChangeRecord(now, name, before.toWire(before.value()),
                after.toWire(after.value()));
        history.addLast(change);
        if (history.size() > MAX_HISTORY) {
            history.removeFirst();
        }
        LOG.info("agent {} knob {} changed {} -> {}", id, name, change.oldValue(), change.newValue());
        return after;
    }

    /** The knob changes so far, oldest first (the last {@value #MAX_HISTORY}). */
    public synchronized List<KnobChangeRecord> history() {
        return List.copyOf(history);
    }

    /** The metrics since the previous call of this method: the JSON endpoint's cursor. */
    public synchronized AgentReading pollMetrics() {
        return read(json);
    }

    /** The metrics since the previous call of this method; a cursor of its own for Java callers. */
    public synchronized AgentReading inspect() {
        return read(inspection);
    }

    /** The Prometheus exposition: totals since start, gauges since the previous scrape. */
    public synchronized String scrapePrometheus() {
        AgentReading reading = read(prometheus);
        latestGauges.putAll(reading.metrics().metrics());
        return PrometheusText.of(id, kind.className(), totals, latestGauges);
    }

    /** Injects a fault from now on. */
    public synchronized ActiveFault injectFault(Fault fault) {
        Instant now = clock.instant();
        advance(now);
        double endMs = faults.add(fault, advancedToMs);
        ActiveFault active = new ActiveFault(fault, now,
                Double.isInfinite(endMs) ? null : now.plusMillis((long) (endMs - advancedToMs)));
        activeFaults.add(active);
        LOG.info("agent {} fault injected: {}", id, fault);
        return active;
    }

    /** Ends every fault now. */
    public synchronized void clearFaults() {
        advance(clock.instant());
        faults.clear();
        activeFaults.clear();
        LOG.info("agent {} faults cleared", id);
    }

    /** The faults in force now. */
    public synchronized List<ActiveFault> activeFaults() {
        Instant now = clock.instant();
        activeFaults.removeIf(f -> f.endsAt() != null && !f.endsAt().isAfter(now));
        return List.copyOf(activeFaults);
    }

    /** The noise-free truth about the objective, for benchmark agents; empty for the others. */
    public synchronized Optional<SurfaceOracle> oracle() {
        Instant now = clock.instant();
        advance(now);
        return behaviour.oracle(advancedToMs);
    }

    /** Whether {@code bearerToken} opens this agent's control endpoints. */
    public boolean accepts(String bearerToken) {
        if (token == null) {
            return true;
        }
        return bearerToken != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                bearerToken.getBytes(StandardCharsets.UTF_8));
    }

    private void authorize(String bearerToken) {
        if (!accepts(bearerToken)) {
            throw new UnauthorizedException(id);
        }
    }

    /**
     * Simulates {@code history} of traffic before now, so that the agent starts in its steady
     * state (queues built up, caches filled) rather than empty; nothing of that history is
     * reported by the metrics endpoints. Allowed only before the agent was first advanced.
     */
    public synchronized void warmUp(Duration history) {
        if (advancedToMs > 0) {
            throw new IllegalStateException("agent " + id + " is already running; warm it up before its first call");
        }
        if (history.isNegative() || history.compareTo(MAX_CATCH_UP) > 0) {
            throw new IllegalArgumentException("warm-up must be within 0.." + MAX_CATCH_UP + ", got " + history);
        }
        epoch = epoch.minus(history);
        read(json);
        read(prometheus);
        read(inspection);
    }

    private AgentReading read(Cursor cursor) {
        Instant now = clock.instant();
        advance(now);
        IntervalMetrics metrics = cursor.stats.read(cursor.fromMs, Math.max(cursor.fromMs, catchUpStartMs),
                advancedToMs, behaviour.gauges());
        cursor.fromMs = advancedToMs;
        return new AgentReading(id, kind.className(), now, metrics);
    }

    private void advance(Instant now) {
        double nowMs = Duration.between(epoch, now).toNanos() / 1e6;
        if (nowMs <= advancedToMs) {
            return;
        }
        double capMs = MAX_CATCH_UP.toMillis();
        if (nowMs - advancedToMs > capMs) {
            catchUpStartMs = nowMs - capMs;
            if (nextArrivalMs < catchUpStartMs) {
                nextArrivalMs = catchUpStartMs + Draw.exponential(rng, meanGapMs);
            }
        }
        while (nextArrivalMs <= nowMs) {
            double t = nextArrivalMs;
            Conditions conditions = faults.at(t);
            if (Draw.chance(rng, conditions.errorRate())) {
                everyone.request(t, RequestOutcome.failed(FAST_FAILURE_MS, 0));
            } else {
                behaviour.serve(t, conditions, rng, everyone);
            }
            nextArrivalMs += Draw.exponential(rng, meanGapMs);
        }
        behaviour.settle(nowMs, faults.at(nowMs), everyone);
        advancedToMs = nowMs;
        faults.forgetEndedBefore(nowMs);
    }
}
