package io.perfopt.simulator.agent;

import io.perfopt.simulator.metrics.Gauges;
import io.perfopt.simulator.metrics.OutcomeSink;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What an agent of one kind does with a request, through its mechanisms (caches, worker pools,
 * message links, classifiers). The {@link SimulatedAgent} owns time: it calls
 * {@link #serve} for each arrival in order and {@link #settle} when time moves on without one.
 * A behaviour keeps its mechanisms' state between calls and is never called concurrently.
 */
public interface AgentBehaviour {

    /** Takes the knob values in force from now on. Called at start and after every change. */
    void configure(KnobValues knobs);

    /** Simulates the request arriving at {@code arrivalMs} and reports what came of it. */
    void serve(double arrivalMs, Conditions conditions, SplittableRandom rng, OutcomeSink sink);

    /** Lets whatever waits on time alone (a batch's linger) happen up to {@code nowMs}. */
    void settle(double nowMs, Conditions conditions, OutcomeSink sink);

    /** Memory, idle load and goal of the agent now. */
    Gauges gauges();

    /** The noise-free truth about the agent's objective, for agents built to be benchmarks. */
    default Optional<SurfaceOracle> oracle(double nowMs) {
        return Optional.empty();
    }
}
