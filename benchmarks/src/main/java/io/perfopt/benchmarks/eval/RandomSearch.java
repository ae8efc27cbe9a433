package io.perfopt.benchmarks.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random search with keep-if-better, the simplest honest baseline: each change draws a whole
 * configuration uniformly from the knobs' ranges, measures the agent before (the configuration
 * in force) and after (the candidate), each over the same 60 s window after a 10 s settle, and
 * keeps the candidate when its measured mean response time is lower; otherwise it goes back.
 * All agents move in lockstep on the shared clock.
 */
public final class RandomSearch {

    private RandomSearch() {
    }

    public static MethodRun run(SurfaceFleet fleet, int budget, long seed) {
        SurfaceClient client = new SurfaceClient(fleet);
        List<String> agents = fleet.agentIds();
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        Map<String, Config> current = new LinkedHashMap<>(fleet.starts());
        Map<String, List<ChangeRecord>> changes = new HashMap<>();
        agents.forEach(a -> changes.put(a, new ArrayList<>()));
        for (int change = 0; change < budget; change++) {
            client.settle(agents);
            Map<String, Double> before = client.measure(agents);
            Map<String, Config> candidates = new LinkedHashMap<>();
            for (String agent : agents) {
                Config candidate = Config.of(1 + random.nextInt(100), random.nextDouble(), random.nextInt(10),
                        10 + random.nextInt(991));
                client.apply(agent, current.get(agent), candidate);
                candidates.put(agent, candidate);
            }
            client.settle(agents);
            Map<String, Double> after = client.measure(agents);
            Instant now = fleet.clock().instant();
            for (String agent : agents) {
                boolean better = after.get(agent) < before.get(agent);
                Config was = current.get(agent);
                changes.get(agent).add(new ChangeRecord(agent, now, was, candidates.get(agent), better));
                if (better) {
                    current.put(agent, candidates.get(agent));
                } else {
                    client.apply(agent, candidates.get(agent), was);
                }
            }
        }
        return new MethodRun("random", seed, fleet.starts(), changes, fleet.clock().instant(), "");
    }
}
