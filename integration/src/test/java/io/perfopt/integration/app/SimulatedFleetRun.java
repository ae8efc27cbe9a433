package io.perfopt.integration.app;

import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.ControlEndpoint;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.agents.PluginBinding;
import io.perfopt.simulator.SimulatedFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The simulated demo fleet and perfopt in one JVM over real loopback HTTP, on one manual clock. */
final class SimulatedFleetRun implements AutoCloseable {

    final ManualClock clock = ManualClock.startingAtEpochOf2026();
    final SimulatedFleet fleet;
    final PerfoptHarness perfopt;

    /** @param plugins plugins given in code; null to load them from {@code perfopt.plugins.dir} */
    SimulatedFleetRun(Map<String, String> overrides, List<OptimizerPlugin> plugins) throws Exception {
        this(overrides, plugins, false);
    }

    /** @param prometheus scrape the agents' Prometheus exposition instead of their JSON documents */
    SimulatedFleetRun(Map<String, String> overrides, List<OptimizerPlugin> plugins, boolean prometheus)
            throws Exception {
        fleet = SimulatedFleet.demo(clock, 42);
        fleet.start(0);
        List<AgentConfig> agents = fleet.agents().stream().map(agent -> new AgentConfig(agent.id(),
                agent.agentClass(), Set.of(), prometheus ? MetricsSource.prometheus(fleet.prometheusUri(agent.id()))
                        : MetricsSource.json(fleet.metricsUri(agent.id())),
                new ControlEndpoint(fleet.controlUri(agent.id()), fleet.tokens().get(agent.id()), Duration.ofSeconds(2)),
                Map.of(), PluginBinding.all())).toList();
        perfopt = new PerfoptHarness(clock, overrides, plugins, agents);
    }

    @Override
    public void close() {
        perfopt.close();
        fleet.close();
    }
}
