package io.perfopt.simulator;

import io.perfopt.simulator.agent.AgentKind;
import io.perfopt.simulator.agent.SimulatedAgent;
import io.perfopt.simulator.http.FleetHttpServer;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated agents, served over HTTP from one server on the loopback interface.
 * Every agent draws from a random stream derived from the fleet's seed and its own id, and
 * reads time from the fleet's clock, so a fleet with a {@code ManualClock} and a seed replays
 * exactly.
 *
 * <pre>{@code
 * try (SimulatedFleet fleet = SimulatedFleet.demo(clock, 42)) {
 *     URI base = fleet.start(0);
 *     String token = fleet.tokens().get("market-hunter");
 *     ...
 * }
 * }</pre>
 */
public final class SimulatedFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedFleet.class);

    private final Clock clock;
    private final long seed;
    private final Map<String, SimulatedAgent> agents;
    private final Map<String, String> tokens;
    private final int httpThreads;
    private FleetHttpServer server;

    private SimulatedFleet(Builder builder) {
        this.clock = builder.clock;
        this.seed = builder.seed;
        this.httpThreads = builder.httpThreads;
        Map<String, SimulatedAgent> hosted = new LinkedHashMap<>();
        Map<String, String> issued = new LinkedHashMap<>();
        for (AgentSpec spec : builder.specs) {
            String token = builder.tokens.tokenFor(spec.id());
            SimulatedAgent agent = new SimulatedAgent(spec.id(), spec.kind(), spec.requestsPerSecond(), token, clock,
                    agentSeed(seed, spec.id()));
            if (!builder.warmUp.isZero()) {
                agent.warmUp(builder.warmUp);
            }
            if (hosted.putIfAbsent(spec.id(), agent) != null) {
                throw new IllegalArgumentException("agent id " + spec.id() + " is used twice in the fleet");
            }
            if (token != null) {
                issued.put(spec.id(), token);
            }
        }
        this.agents = Collections.unmodifiableMap(hosted);
        this.tokens = Collections.unmodifiableMap(issued);
    }

    /**
     * The five agents of the seed system in their demo start states, with random tokens, warmed
     * up for three minutes so that their bottlenecks are there from the first poll.
     */
    public static SimulatedFleet demo(Clock clock, long seed) {
        return builder().clock(clock).seed(seed).demoAgents().warmUp(DEMO_WARM_UP).build();
    }

    /** How long the demo fleet runs before it is served. */
    public static final Duration DEMO_WARM_UP = Duration.ofMinutes(3);

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Serves the fleet on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @return the base URL, e.g. {@code http://127.0.0.1:9100/}
     */
    public synchronized URI start(int port) {
        if (server != null) {
            throw new IllegalStateException("the fleet is already served at " + server.baseUri());
        }
        server = FleetHttpServer.start(port, agents, httpThreads);
        LOG.info("simulated fleet of {} agents served at {}", agents.size(), server.baseUri());
        return server.baseUri();
    }

    /** Stops serving; the agents keep their state and can be served again. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The base URL while served. */
    public synchronized URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("the fleet is not served; call start(port) first");
        }
        return server.baseUri();
    }

    /** The bound port while served. */
    public synchronized int port() {
        return baseUri().getPort();
    }

    /** {@code {base}agents/{id}/metrics}. */
    public URI metricsUri(String id) {
        return baseUri().resolve("agents/" + agent(id).id() + "/metrics");
    }

    /** {@code {base}agents/{id}/metrics/prometheus}. */
    public URI prometheusUri(String id) {
        return baseUri().resolve("agents/" + agent(id).id() + "/metrics/prometheus");
    }

    /** {@code {base}agents/{id}/control}: the control URL, under which {@code /knobs} lives. */
    public URI controlUri(String id) {
        return baseUri().resolve("agents/" + agent(id).id() + "/control");
    }

    /** The agent of that id, for direct inspection. */
    public SimulatedAgent agent(String id) {
        SimulatedAgent agent = agents.get(id);
        if (agent == null) {
            throw new NoSuchElementException("no agent " + id + " in the fleet");
        }
        return agent;
    }

    /** Every agent, in the order they were added. */
    public List<SimulatedAgent> agents() {
        return List.copyOf(agents.values());
    }

    /** The bearer token of each agent that has one, by agent id. */
    public Map<String, String> tokens() {
        return tokens;
    }

    public Clock clock() {
        return clock;
    }

    public long seed() {
        return seed;
    }

    // Mixing the id in keeps an agent's randomness the same whatever else the fleet holds.
    private static long agentSeed(long fleetSeed, String id) {
        return new SplittableRandom(fleetSeed).split().nextLong() ^ new SplittableRandom(id.hashCode()).nextLong();
    }

    /** How agents get their bearer tokens. */
    private interface TokenPolicy {
        String tokenFor(String agentId);
    }

    /** Builds a fleet; by default the system clock, seed 42, random tokens, 16 HTTP threads. */
    public static final class Builder {

        private final List<AgentSpec> specs = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private long seed = 42;
        private int httpThreads = 16;
        private TokenPolicy tokens = randomTokenPolicy();
        private Duration warmUp = Duration.ZERO;

        private Builder() {
        }

        /**
         * Lets every agent run this long before the fleet starts, so it starts in its steady state
         * (a slow agent already slow, caches already warm); the history is not reported. At most
         * {@link SimulatedAgent#MAX_CATCH_UP}.
         */
        public Builder warmUp(Duration history) {
            this.warmUp = Objects.requireNonNull(history, "warmUp");
            return this;
        }

        /** The clock all agents read; a {@code ManualClock} makes time move only when a test says. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The seed of all randomness. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Adds agents. */
        public Builder agent(AgentSpec... agents) {
            specs.addAll(List.of(agents));
            return this;
        }

        /** Adds agents. */
        public Builder agents(Collection<AgentSpec> agents) {
            specs.addAll(agents);
            return this;
        }

        /** Adds the five seed agents, each with its class name as id. */
        public Builder demoAgents() {
            AgentKinds.DEMO.forEach(kind -> specs.add(AgentSpec.of(kind.className(), kind)));
            return this;
        }

        /** Adds {@code copies} agents of each demo kind, with ids like {@code market-hunter-0042}. */
        public Builder copies(int copies) {
            return copies(copies, AgentKinds.DEMO);
        }

        /** Adds {@code copies} agents of each of the kinds, with ids like {@code surface-0007}. */
        public Builder copies(int copies, List<AgentKind> kinds) {
            if (copies < 0 || copies > 100_000) {
                throw new IllegalArgumentException("copies must be within 0..100000, got " + copies);
            }
            for (AgentKind kind : kinds) {
                for (int i = 0; i < copies; i++) {
                    specs.add(AgentSpec.of(String.format("%s-%04d", kind.className(), i), kind));
                }
            }
            return this;
        }

        /** Offers every agent added so far {@code requestsPerSecond}. */
        public Builder requestRate(double requestsPerSecond) {
            specs.replaceAll(spec -> spec.withRate(requestsPerSecond));
            return this;
        }

        /** Gives each agent the token {@code prefix + id}. */
        public Builder tokenPrefix(String prefix) {
            if (prefix == null || prefix.isBlank() || prefix.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("token prefix must be non-blank without spaces, got " + prefix);
            }
            tokens = id -> prefix + id;
            return this;
        }

        /** Gives each agent a random 128-bit token (the default). */
        public Builder randomTokens() {
            tokens = randomTokenPolicy();
            return this;
        }

        /** Leaves the control endpoints open. */
        public Builder noTokens() {
            tokens = id -> null;
            return this;
        }

        /** Threads serving HTTP requests. */
        public Builder httpThreads(int threads) {
            if (threads < 1 || threads > 512) {
                throw new IllegalArgumentException("httpThreads must be within 1..512, got " + threads);
            }
            this.httpThreads = threads;
            return this;
        }

        public SimulatedFleet build() {
            return new SimulatedFleet(this);
        }

        private static TokenPolicy randomTokenPolicy() {
            SecureRandom random = new SecureRandom();
            return id -> {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                return HexFormat.of().formatHex(bytes);
            };
        }
    }
}
