package io.perfopt.api.learning;

import io.perfopt.api.Require;
import io.perfopt.api.knob.ChangeDirection;
import io.perfopt.api.optimization.BottleneckType;
import java.io.Serializable;

/**
 * What learning is kept per: which plugin, on which class of agent, for which bottleneck type,
 * turned which knob which way and by which step. Made only of strings and API enums so that it
 * can be stored and shared between nodes without any plugin class.
 *
 * @param pluginId   the proposing plugin
 * @param agentClass the agent class the action was tried on
 * @param type       the bottleneck type it addressed
 * @param knob       the knob (several knobs joined with {@code +})
 * @param direction  up or down
 * @param step       the plugin's label for the step size, e.g. {@code x2}; empty when it has none
 */
public record ActionKey(String pluginId, String agentClass, BottleneckType type, String knob,
                        ChangeDirection direction, String step) implements Serializable {

    private static final String SEPARATOR = "|";

    public ActionKey {
        Require.notBlank("pluginId", pluginId);
        Require.notBlank("agentClass", agentClass);
        Require.notNull("type", type);
        Require.notBlank("knob", knob);
        Require.notNull("direction", direction);
        step = step == null ? "" : step;
        for (String part : new String[] {pluginId, agentClass, knob, step}) {
            if (part.contains(SEPARATOR)) {
                throw new IllegalArgumentException("action key parts must not contain '|', got " + part);
            }
        }
    }

    /** A stable text form, {@code plugin|class|TYPE|knob|DIRECTION|step}, for storage. */
    public String asText() {
        return String.join(SEPARATOR, pluginId, agentClass, type.name(), knob, direction.name(), step);
    }

    /** Parses {@link #asText()}. */
    public static ActionKey parse(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("action key needs 6 parts separated by '|', got " + text);
        }
        return new ActionKey(parts[0], parts[1], BottleneckType.valueOf(parts[2]), parts[3],
                ChangeDirection.valueOf(parts[4]), parts[5]);
    }

    @Override
    public String toString() {
        return asText();
    }
}
