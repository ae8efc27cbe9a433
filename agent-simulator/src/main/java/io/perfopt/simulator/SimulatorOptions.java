package io.perfopt.simulator;

import java.time.Clock;
import java.util.List;

/**
 * The command line of {@link SimulatorMain}.
 *
 * @param port        port to bind on 127.0.0.1 (0: any free port)
 * @param fleet       demo, surface or none
 * @param seed        seed of all randomness
 * @param scale       copies of each demo kind to add
 * @param tokenPrefix tokens are prefix + agent id; null for random tokens
 * @param help        whether only the usage was asked for
 */
record SimulatorOptions(int port, String fleet, long seed, int scale, String tokenPrefix, boolean help) {

    static final String USAGE = "usage: SimulatorMain [--port 9100] [--fleet demo|surface|none] [--seed 42]"
            + " [--scale N] [--token-prefix PREFIX]";

    SimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be within 0..65535, got " + port);
        }
        if (!List.of("demo", "surface", "none").contains(fleet)) {
            throw new IllegalArgumentException("--fleet must be demo, surface or none, got " + fleet);
        }
        if (scale < 0 || scale > 100_000) {
            throw new IllegalArgumentException("--scale must be within 0..100000, got " + scale);
        }
    }

    static SimulatorOptions parse(String[] args) {
        int port = 9100;
        String fleet = "demo";
        long seed = 42;
        int scale = 0;
        String tokenPrefix = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return new SimulatorOptions(port, fleet, seed, scale, tokenPrefix, true);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--fleet" -> fleet = value;
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--scale" -> scale = Integer.parseInt(value);
                    case "--token-prefix" -> tokenPrefix = value;
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a whole number, got " + value);
            }
        }
        return new SimulatorOptions(port, fleet, seed, scale, tokenPrefix, false);
    }

    /** The fleet these options describe, on {@code clock}. */
    SimulatedFleet.Builder fleet(Clock clock) {
        SimulatedFleet.Builder builder = SimulatedFleet.builder().clock(clock).seed(seed);
        switch (fleet) {
            case "demo" -> builder.demoAgents();
            case "surface" -> builder.agent(AgentSpec.of("surface", AgentKinds.SURFACE),
                    AgentSpec.of("surface-drifting", AgentKinds.SURFACE_DRIFTING));
            default -> { }
        }
        builder.copies(scale);
        if (tokenPrefix != null) {
            builder.tokenPrefix(tokenPrefix);
        }
        return builder;
    }
}
