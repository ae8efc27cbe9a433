package io.perfopt.benchmarks.eval;

import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.AgentKinds;
import io.perfopt.simulator.AgentSpec;
import io.perfopt.simulator.SimulatedFleet;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The evaluation's fleet for one seed, served over HTTP on a manual clock: {@code stationary}
 * {@code surface} agents and one {@code surface-drifting} agent, all with hidden optima
 * ({@code ResponseSurface}: {@code pool.size} and {@code prefetch.ratio} interior, more
 * {@code compression.level} always worse, {@code flush.interval.ms} without effect). The first
 * stationary agent and the drifting one start at the kind's start values; the other stationary
 * agents start at values drawn from the seed. Each method gets a fresh fleet of the same seed:
 * the same agents, starts and noise streams.
 * {@link SurfaceTruth} scores any configuration at any instant against the surfaces.
 */
public final class SurfaceFleet implements AutoCloseable {

    public static final String DRIFTING_ID = "surface-drift";
    public static final String TOKEN_PREFIX = "eval-";

    private final ManualClock clock;
    private final SimulatedFleet fleet;
    private final Map<String, Config> starts = new LinkedHashMap<>();
    private final URI base;

    public SurfaceFleet(long seed, int stationary) {
        io.perfopt.benchmarks.report.JdkHttpServers.noDelay();
        this.clock = ManualClock.startingAtEpochOf2026();
        SplittableRandom random = new SplittableRandom(seed);
        List<AgentSpec> specs = new ArrayList<>();
        for (int i = 0; i < stationary; i++) {
            Config c = i == 0 ? Config.of(10, 0.2, 6, 200) : Config.of(1 + random.nextInt(100),
                    Math.round(random.nextDouble() * 20) / 20.0, random.nextInt(10), 10 + random.nextInt(991));
            String id = "surface-" + i;
            specs.add(spec(id, AgentKinds.SURFACE, c));
            starts.put(id, c);
        }
        Config drift = Config.of(10, 0.2, 6, 200);
        specs.add(spec(DRIFTING_ID, AgentKinds.SURFACE_DRIFTING, drift));
        starts.put(DRIFTING_ID, drift);
        this.fleet = SimulatedFleet.builder().clock(clock).seed(seed).agents(specs).tokenPrefix(TOKEN_PREFIX)
                .httpThreads(4).build();
        this.base = fleet.start(0);
    }

    private static AgentSpec spec(String id, io.perfopt.simulator.agent.AgentKind kind, Config c) {
        AgentSpec spec = AgentSpec.of(id, kind);
        for (Map.Entry<String, Double> e : c.values().entrySet()) {
            spec = spec.withKnob(e.getKey(), e.getKey().equals(Config.PREFETCH) ? e.getValue()
                    : (Object) Math.round(e.getValue()));
        }
        return spec;
    }

    public ManualClock clock() {
        return clock;
    }

    public URI baseUri() {
        return base;
    }

    public SimulatedFleet simulator() {
        return fleet;
    }

    public List<String> agentIds() {
        return List.copyOf(starts.keySet());
    }

    public Map<String, Config> starts() {
        return Map.copyOf(starts);
    }

    public String token(String agentId) {
        return TOKEN_PREFIX + agentId;
    }

    public boolean drifting(String agentId) {
        return agentId.equals(DRIFTING_ID);
    }

    @Override
    public void close() {
        fleet.close();
    }
}
