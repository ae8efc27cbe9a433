package io.perfopt.simulator;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulated fleet on the system clock until stopped:
 *
 * <pre>
 * java -cp ... io.perfopt.simulator.SimulatorMain --port 9100 --fleet demo --seed 42 --scale 0 --token-prefix sim-
 * </pre>
 *
 * {@code --fleet} is {@code demo} (the five seed agents), {@code surface} (one stationary and one
 * drifting benchmark agent) or {@code none}; {@code --scale N} adds N copies of each demo kind;
 * without {@code --token-prefix} every agent gets a random token, printed at start.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(SimulatorOptions.USAGE);
            return;
        }
        SimulatedFleet fleet = options.fleet(Clock.systemUTC()).build();
        URI base = fleet.start(options.port());
        System.out.println("perfopt agent simulator: " + fleet.agents().size() + " agents at " + base + "agents");
        int shown = 0;
        for (var agent : fleet.agents()) {
            if (shown++ == 20) {
                System.out.println("  ... and " + (fleet.agents().size() - 20) + " more (GET " + base + "agents)");
                break;
            }
            String token = fleet.tokens().get(agent.id());
            System.out.printf("  %-28s %-24s metrics %s  control %s%s%n", agent.id(), agent.agentClass(),
                    fleet.metricsUri(agent.id()), fleet.controlUri(agent.id()),
                    token == null ? "" : "  token " + token);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.stop();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }
}
