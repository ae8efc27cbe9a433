package io.perfopt.integration.actuate;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.spi.ActuationException;
import io.perfopt.api.spi.Actuator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An actuator that remembers the knobs it last saw of each agent, so that the API can show them
 * without calling every agent on every request.
 */
public final class KnobCache implements Actuator {

    /**
     * The knobs of an agent as last seen.
     *
     * @param knobs  the knobs
     * @param readAt when they were read or changed
     */
    public record Seen(List<Knob> knobs, Instant readAt) {
    }

    private final Actuator delegate;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    public KnobCache(Actuator delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public List<Knob> readKnobs(String agentId) throws ActuationException {
        List<Knob> knobs = delegate.readKnobs(agentId);
        seen.put(agentId, new Seen(List.copyOf(knobs), clock.instant()));
        return knobs;
    }

    @Override
    public Knob apply(String agentId, Knob knob, double value) throws ActuationException {
        Knob applied = delegate.apply(agentId, knob, value);
        seen.computeIfPresent(agentId, (id, s) -> {
            List<Knob> updated = new ArrayList<>(s.knobs());
            updated.replaceAll(k -> k.name().equals(applied.name()) ? applied : k);
            return new Seen(updated, clock.instant());
        });
        return applied;
    }

    /** The knobs last seen of the agent, if any. */
    public Optional<Seen> lastSeen(String agentId) {
        return Optional.ofNullable(seen.get(agentId));
    }

    /** Forgets an agent that left. */
    public void forget(String agentId) {
        seen.remove(agentId);
    }
}
