package io.perfopt.api.spi;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Reads and changes an agent's knobs. The built-in actuator speaks the HTTP knob protocol
 * ({@code GET {controlUrl}/knobs}, {@code PUT {controlUrl}/knobs/{name}}); plugins may add
 * others (JMX, a message broker, a shell) for agents that are reached differently.
 *
 * <p>Implementations must time out rather than hang, and must throw
 * {@link ActuationException} rather than return partial results.
 */
public interface Actuator extends ExtensionPoint {

    /** The agent's knobs with their current values. */
    List<Knob> readKnobs(String agentId) throws ActuationException;

    /** Sets {@code knob} to {@code value} (internal form) and returns the knob as the agent reports it afterwards. */
    Knob apply(String agentId, Knob knob, double value) throws ActuationException;

    /** Undoes a change: sets the knob back to {@link KnobChange#from()}. */
    default Knob revert(String agentId, Knob knob, KnobChange change) throws ActuationException {
        return apply(agentId, knob, change.from());
    }
}
