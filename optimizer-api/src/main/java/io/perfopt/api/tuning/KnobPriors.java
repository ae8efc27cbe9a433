package io.perfopt.api.tuning;

import io.perfopt.api.knob.Knob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plugin's domain knowledge: for a knob, which way is believed to help. Built from the knob's
 * tags (generic plugins) or its name (per-agent plugins); the first matching rule wins.
 *
 * <pre>{@code
 * KnobPriors latency = KnobPriors.byTag()
 *         .when("cache", DirectionPrior.up(0.65))
 *         .when("concurrency", DirectionPrior.up(0.55))
 *         .otherwise(DirectionPrior.NEUTRAL);
 * }</pre>
 */
@FunctionalInterface
public interface KnobPriors {

    /** The prior direction of the knob. */
    DirectionPrior of(Knob knob);

    /** The same prior for every knob. */
    static KnobPriors always(DirectionPrior prior) {
        return knob -> prior;
    }

    /** Rules matched against the knob's tags, in the order given. */
    static Rules byTag() {
        return new Rules(true);
    }

    /** Rules matched against the knob's name, in the order given. */
    static Rules byName() {
        return new Rules(false);
    }

    /** An ordered table of rules; {@link #otherwise} closes it. */
    final class Rules {
        private final boolean byTag;
        private final Map<String, DirectionPrior> rules = new LinkedHashMap<>();

        private Rules(boolean byTag) {
            this.byTag = byTag;
        }

        /** Knobs with this tag (or name) lean this way. */
        public Rules when(String key, DirectionPrior prior) {
            rules.put(key, prior);
            return this;
        }

        /** The priors, with {@code fallback} for knobs no rule matches. */
        public KnobPriors otherwise(DirectionPrior fallback) {
            Map<String, DirectionPrior> table = Map.copyOf(rules);
            java.util.List<String> order = java.util.List.copyOf(rules.keySet());
            return knob -> order.stream()
                    .filter(key -> byTag ? knob.hasTag(key) : knob.name().equals(key))
                    .findFirst().map(table::get).orElse(fallback);
        }
    }
}
