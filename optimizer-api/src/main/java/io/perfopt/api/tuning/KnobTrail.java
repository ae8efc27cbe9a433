package io.perfopt.api.tuning;

import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.spi.PlanningContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The judged changes of one knob on this agent for one bottleneck type, oldest first, taken from
 * {@link PlanningContext#history()} whoever proposed them: what a slower cache did to latency is
 * evidence for every latency plugin, while what it did to memory is not.
 */
public final class KnobTrail {

    private final List<Trial> trials;
    private final List<Integer> judged;

    private KnobTrail(List<Trial> trials, List<Integer> judged) {
        this.trials = List.copyOf(trials);
        this.judged = List.copyOf(judged);
    }

    /** The trail of {@code knob} for bottlenecks of {@code type} in the context's history. */
    public static KnobTrail of(PlanningContext context, String knob, BottleneckType type) {
        List<Trial> trials = new ArrayList<>();
        List<Integer> judged = new ArrayList<>();
        List<OptimizationResult> history = context.history();
        for (int i = 0; i < history.size(); i++) {
            OptimizationResult result = history.get(i);
            if (!result.verdict().judged()) {
                continue;
            }
            judged.add(i);
            if (result.strategy().type() != type) {
                continue;
            }
            int index = i;
            result.strategy().changes().stream().filter(c -> c.knob().equals(knob)).findFirst()
                    .ifPresent(c -> trials.add(Trial.of(index, c, result)));
        }
        return new KnobTrail(trials, judged);
    }

    /** The knob's trials, oldest first. */
    public List<Trial> trials() {
        return trials;
    }

    /** The latest trial, if any. */
    public Optional<Trial> last() {
        return trials.isEmpty() ? Optional.empty() : Optional.of(trials.get(trials.size() - 1));
    }

    /** How many judged changes of any knob this agent saw after the history position {@code index}. */
    public int judgedSince(int index) {
        return judgedBetween(index, Integer.MAX_VALUE);
    }

    /** How many judged changes of any knob this agent saw strictly between two history positions. */
    public int judgedBetween(int after, int before) {
        return (int) judged.stream().filter(i -> i > after && i < before).count();
    }

    /**
     * Whether a change to this knob like {@code similar} was rolled back within the agent's last
     * {@code window} judged changes: a plugin then leaves that move alone for a while.
     */
    public boolean recentlyRolledBack(java.util.function.Predicate<KnobChange> similar, int window) {
        return trials.stream().anyMatch(t -> !t.kept() && similar.test(t.change()) && judgedSince(t.index()) < window);
    }
}
