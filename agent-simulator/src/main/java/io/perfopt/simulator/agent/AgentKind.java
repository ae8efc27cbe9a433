package io.perfopt.simulator.agent;

import java.util.List;
import java.util.function.Supplier;

/**
 * A kind of simulated agent: its class name as perfopt sees it, its knobs with their start
 * values, the request rate it is offered by default, and how to make its behaviour.
 *
 * @param className          e.g. {@code market-hunter}
 * @param knobs              the knobs, with start values
 * @param requestsPerSecond  default offered load
 * @param behaviour          makes a fresh behaviour (fresh caches, queues, ...)
 */
public record AgentKind(String className, List<KnobDefinition> knobs, double requestsPerSecond,
                        Supplier<AgentBehaviour> behaviour) {

    public AgentKind {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("agent kind className must not be blank, got " + className);
        }
        knobs = List.copyOf(knobs);
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("kind " + className + ": requestsPerSecond must be > 0, got "
                    + requestsPerSecond);
        }
        if (behaviour == null) {
            throw new IllegalArgumentException("kind " + className + " needs a behaviour supplier");
        }
    }

    /** This kind with one knob starting at another value (wire form). */
    public AgentKind withStart(String knob, Object wireValue) {
        boolean found = knobs.stream().anyMatch(k -> k.name().equals(knob));
        if (!found) {
            throw new IllegalArgumentException("kind " + className + " has no knob " + knob);
        }
        return new AgentKind(className, knobs.stream()
                .map(k -> k.name().equals(knob) ? k.startingAt(wireValue) : k).toList(),
                requestsPerSecond, behaviour);
    }

    /** The knob definition of that name. */
    public KnobDefinition knob(String name) {
        return knobs.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kind " + className + " has no knob " + name));
    }
}
