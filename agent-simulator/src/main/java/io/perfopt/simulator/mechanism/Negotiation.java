package io.perfopt.simulator.mechanism;

import java.util.random.RandomGenerator;

/**
 * Rounds of negotiation with a set of peers. In each round every peer is asked and answers
 * after a log-normal round trip; a peer that has not agreed yet agrees with probability
 * {@code agreeProbability} on a round it answered in time. An answer can be lost; the round
 * then waits the full timeout for it. A round ends when every peer answered or the timeout
 * passed; an answer later than the timeout counts as no answer.
 *
 * <p>Why rounds have diminishing returns: each round converts a share of the peers still
 * undecided, so the agreement after {@code r} rounds approaches 1 like {@code 1 - (1-p)^r},
 * while every round adds its latency. Why the timeout has a sweet spot: too short cuts off
 * answers that were coming, too long waits out lost ones.
 */
public final class Negotiation {

    /** How a negotiation ended. */
    public record Outcome(double durationMs, int agreeing, int peers) {

        /** The share of peers that agreed. */
        public double agreement() {
            return peers == 0 ? 1 : (double) agreeing / peers;
        }
    }

    private final int peers;
    private final double agreeProbability;
    private final double lossProbability;
    private final double roundTripMeanMs;
    private final double roundTripCv;

    public Negotiation(int peers, double agreeProbability, double lossProbability, double roundTripMeanMs,
                       double roundTripCv) {
        this.peers = peers;
        this.agreeProbability = agreeProbability;
        this.lossProbability = lossProbability;
        this.roundTripMeanMs = roundTripMeanMs;
        this.roundTripCv = roundTripCv;
    }

    /** Runs {@code rounds} rounds with answers awaited at most {@code timeoutMs} each. */
    public Outcome run(int rounds, double timeoutMs, double slowdown, RandomGenerator rng) {
        boolean[] agreed = new boolean[peers];
        int agreeing = 0;
        double durationMs = 0;
        for (int round = 0; round < rounds; round++) {
            double roundMs = 0;
            for (int peer = 0; peer < peers; peer++) {
                double answerMs = Draw.chance(rng, lossProbability) ? Double.POSITIVE_INFINITY
                        : Draw.logNormal(rng, roundTripMeanMs, roundTripCv) * slowdown;
                roundMs = Math.max(roundMs, Math.min(answerMs, timeoutMs));
                if (answerMs <= timeoutMs && !agreed[peer] && Draw.chance(rng, agreeProbability)) {
                    agreed[peer] = true;
                    agreeing++;
                }
            }
            durationMs += roundMs;
        }
        return new Outcome(durationMs, agreeing, peers);
    }
}
