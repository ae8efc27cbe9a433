package io.perfopt.integration.cli;

import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.ControlEndpoint;
import io.perfopt.integration.agents.MetricsFormat;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.agents.PluginBinding;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptApplicationBuilder;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.integration.demo.ConsoleStory;
import io.perfopt.simulator.SimulatedFleet;
import io.perfopt.simulator.agent.Fault;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code perfopt demo}: the simulated fleet of the seed system (with its real bottlenecks) and
 * perfopt on embedded defaults, cycles every 5 seconds, the story on the console.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a simulated fleet with real bottlenecks and optimizes it, telling the story on the console.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    PerfoptCli parent;

    @Option(names = "--duration", description = "stop after this long (e.g. 90s, 5m); default: until Ctrl-C")
    String duration;

    @Option(names = "--port", defaultValue = "8080", description = "API and dashboard port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--simulator-port", defaultValue = "9100",
            description = "port of the simulated fleet, 0 for any free one (default: ${DEFAULT-VALUE})")
    int simulatorPort;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the simulated fleet (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-faults", description = "do not inject the demo's latency spike")
    boolean noFaults;

    /** The settings the demo runs with, over the installation's own. */
    static Map<String, String> demoSettings(int port, String home) {
        Map<String, String> demo = new HashMap<>();
        demo.put("perfopt.api.port", String.valueOf(port));
        demo.put("perfopt.cycle.cron", "0/5 * * * * ?");
        demo.put("perfopt.detection.window", "30s");
        demo.put("perfopt.verification.settle", "5s");
        demo.put("perfopt.verification.window", "20s");
        demo.put("perfopt.verification.grace", "20s");
        demo.put("perfopt.agents.stale-after", "30s");
        demo.put("perfopt.window.max-age", "5m");
        demo.put("perfopt.agents.file", ""); // the demo's agents are the simulated ones
        demo.put("perfopt.db.url", "jdbc:h2:file:" + home + "/data/demo/perfopt");
        return demo;
    }

    @Override
    public Integer call() throws Exception {
        // before the first logger exists: on the console, the story; the log file keeps the rest
        System.setProperty("perfopt.console.level", System.getProperty("perfopt.console.level", "WARN"));
        Duration bound = duration == null ? null : io.perfopt.integration.agents.DurationText.parse(duration);
        SimulatedFleet fleet = SimulatedFleet.demo(Clock.systemUTC(), seed);
        fleet.start(simulatorPort);
        ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-faults");
            t.setDaemon(true);
            return t;
        });
        try {
            PerfoptSettings settings = PerfoptSettings.load(parent.home().resolve("conf/perfopt.properties"),
                    demoSettings(port, parent.home().toAbsolutePath().normalize().toString()));
            PerfoptApplicationBuilder builder = PerfoptApplication.builder().home(parent.home()).settings(settings)
                    .sink(new ConsoleStory(System.out));
            fleet.agents().forEach(agent -> builder.agent(new AgentConfig(agent.id(), agent.agentClass(), Set.of(),
                    new MetricsSource(MetricsFormat.JSON, fleet.metricsUri(agent.id()), Duration.ofSeconds(2),
                            Duration.ofSeconds(2), null, null),
                    new ControlEndpoint(fleet.controlUri(agent.id()), fleet.tokens().get(agent.id()),
                            Duration.ofSeconds(2)), Map.of(), PluginBinding.all())));
            System.out.printf("perfopt demo: %d simulated agents at %s (seed %d)%n", fleet.agents().size(),
                    fleet.baseUri(), seed);
            System.out.printf("perfopt demo: dashboard on http://127.0.0.1:%d/ (API at /api/status), cycles every 5 s, "
                    + "Ctrl-C to stop%s%n", port, bound == null ? "" : " (stops after " + duration + ")");
            if (!noFaults) {
                faults.schedule(() -> {
                    System.out.println("demo: injecting a 3x latency spike into market-analyzer for 60 s");
                    fleet.agent("market-analyzer").injectFault(new Fault.LatencySpike(3.0, Duration.ofSeconds(60)));
                }, 150, TimeUnit.SECONDS);
            }
            return RunCommand.Lifecycle.runUntilStopped(builder.build()::start, bound);
        } finally {
            faults.shutdownNow();
            fleet.close();
        }
    }
}
