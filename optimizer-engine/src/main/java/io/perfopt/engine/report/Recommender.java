package io.perfopt.engine.report;

import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Recommendation;
import io.perfopt.api.optimization.RecommendationKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Advice for the orchestrator, made only when the data supports it.
 *
 * <pre>
 *   reduce autonomy for X      the last {@value #STREAK} judged changes of X were all rolled back
 *   increase resources for Y   Y has been slow for {@value #SLOW_CYCLES}+ cycles and its last
 *                              {@value #STREAK} latency changes all failed, or no plugin proposes any
 *   improve coordination       at least half of the evaluated agents (and at least two) coordinate badly
 * </pre>
 */
public final class Recommender {

    static final int STREAK = 3;
    static final int SLOW_CYCLES = 5;

    private final Map<String, Deque<Boolean>> recentKept = new HashMap<>();
    private final Map<String, Deque<Boolean>> recentLatencyKept = new HashMap<>();
    private final Map<String, Integer> slowStreak = new HashMap<>();

    /** Records this cycle's verdicts. */
    public synchronized void observe(Collection<OptimizationResult> results) {
        for (OptimizationResult r : results) {
            if (!r.verdict().judged()) {
                continue;
            }
            push(recentKept, r.strategy().target(), r.kept());
            if (r.strategy().type() == BottleneckType.RESPONSE_TIME) {
                push(recentLatencyKept, r.strategy().target(), r.kept());
            }
        }
    }

    /**
     * The recommendations for this cycle.
     *
     * @param agents      the agents evaluated this cycle
     * @param bottlenecks the open bottlenecks
     * @param unplanned   agents with a latency bottleneck for which no plugin proposed anything
     */
    public synchronized List<Recommendation> recommend(Collection<String> agents, List<Bottleneck> bottlenecks,
                                                       Set<String> unplanned) {
        List<Recommendation> out = new ArrayList<>();
        recentKept.forEach((agent, kept) -> {
            if (kept.size() == STREAK && kept.stream().noneMatch(Boolean::booleanValue)) {
                out.add(new Recommendation(RecommendationKind.REDUCE_AUTONOMY, agent, String.format(Locale.ROOT,
                        "the last %d changes perfopt judged on %s were all rolled back", STREAK, agent)));
            }
        });
        // one pass over the bottlenecks, not one per agent: 10,000 agents × 1,000 bottlenecks was
        // most of the report phase
        Set<String> slowAgents = new HashSet<>();
        for (Bottleneck b : bottlenecks) {
            if (b.type() == BottleneckType.RESPONSE_TIME && b.origin() == io.perfopt.api.optimization.Origin.REACTIVE) {
                slowAgents.add(b.component());
            }
        }
        for (String agent : agents) {
            boolean slow = slowAgents.contains(agent);
            int streak = slow ? slowStreak.merge(agent, 1, Integer::sum) : 0;
            if (!slow) {
                slowStreak.remove(agent);
            }
            Deque<Boolean> latency = recentLatencyKept.getOrDefault(agent, new ArrayDeque<>());
            boolean exhausted = unplanned.contains(agent)
                    || (latency.size() == STREAK && latency.stream().noneMatch(Boolean::booleanValue));
            if (streak >= SLOW_CYCLES && exhausted) {
                out.add(new Recommendation(RecommendationKind.INCREASE_RESOURCES, agent, String.format(Locale.ROOT,
                        "%s has been slow for %d cycles and %s", agent, streak, unplanned.contains(agent)
                                ? "no plugin proposes a latency change" : "its last " + STREAK
                                + " latency changes did not help")));
            }
        }
        long poor = bottlenecks.stream().filter(b -> b.type() == BottleneckType.COORDINATION
                && b.origin() == io.perfopt.api.optimization.Origin.REACTIVE).map(Bottleneck::component).distinct().count();
        if (poor >= 2 && poor * 2 >= agents.size()) {
            out.add(new Recommendation(RecommendationKind.IMPROVE_COORDINATION, Bottleneck.SYSTEM, String.format(
                    Locale.ROOT, "%d of %d agents coordinate below threshold: system-wide coordination needs "
                            + "improvement", poor, agents.size())));
        }
        return out;
    }

    private static void push(Map<String, Deque<Boolean>> map, String agent, boolean kept) {
        Deque<Boolean> d = map.computeIfAbsent(agent, a -> new ArrayDeque<>());
        d.addLast(kept);
        while (d.size() > STREAK) {
            d.removeFirst();
        }
    }
}
