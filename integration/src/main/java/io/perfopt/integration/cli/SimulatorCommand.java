package io.perfopt.integration.cli;

import io.perfopt.simulator.SimulatorMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perfopt simulator}: a simulated fleet of real HTTP agents on this machine, until
 * stopped, for {@code perfopt run} to optimize (it prints each agent's metrics and control URL
 * and token, ready for {@code conf/agents.yaml}). Runs {@link SimulatorMain}.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a simulated fleet of agents (real HTTP, real bottlenecks) on 127.0.0.1 until stopped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:could not start (e.g. the port is taken)", "2:usage error"})
final class SimulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "9100", description = "port on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--fleet", defaultValue = "demo",
            description = "demo (the five seed agents), surface (a stationary and a drifting benchmark agent) or none "
                    + "(default: ${DEFAULT-VALUE})")
    String fleet;

    @Option(names = "--seed", defaultValue = "42", description = "seed of all randomness (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--scale", defaultValue = "0", description = "copies of each demo kind to add, 0..100000 (default: ${DEFAULT-VALUE})")
    int scale;

    @Option(names = "--token-prefix", paramLabel = "PREFIX",
            description = "each agent's control token is PREFIX + its id; default: random tokens, printed at start")
    String tokenPrefix;

    @Override
    public Integer call() throws Exception {
        // SimulatorMain exits the JVM on a bad argument: check here, where a usage error is exit code 2
        if (port < 0 || port > 65535) {
            throw usage("--port must be within 0..65535, got " + port);
        }
        if (!List.of("demo", "surface", "none").contains(fleet)) {
            throw usage("--fleet must be demo, surface or none, got " + fleet);
        }
        if (scale < 0 || scale > 100_000) {
            throw usage("--scale must be within 0..100000, got " + scale);
        }
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port), "--fleet", fleet,
                "--seed", String.valueOf(seed), "--scale", String.valueOf(scale)));
        if (tokenPrefix != null) {
            args.addAll(List.of("--token-prefix", tokenPrefix));
        }
        try {
            SimulatorMain.main(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("perfopt simulator: could not start: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }
}
