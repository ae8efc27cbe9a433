package io.perfopt.integration.app;

import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.testing.FleetAgents;
import io.perfopt.simulator.SimulatedFleet;
import java.util.List;
import java.util.Map;

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
        perfopt = new PerfoptHarness(clock, overrides, plugins,
                prometheus ? FleetAgents.prometheus(fleet) : FleetAgents.json(fleet));
    }

    @Override
    public void close() {
        perfopt.close();
        fleet.close();
    }
}
