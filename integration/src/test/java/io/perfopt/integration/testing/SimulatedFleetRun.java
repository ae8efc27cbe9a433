package io.perfopt.integration.testing;

import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.SimulatedFleet;
import java.util.List;
import java.util.Map;

/** The simulated demo fleet and perfopt in one JVM over real loopback HTTP, on one manual clock. */
public final class SimulatedFleetRun implements AutoCloseable {

    public final ManualClock clock = ManualClock.startingAtEpochOf2026();
    public final SimulatedFleet fleet;
    public final PerfoptHarness perfopt;

    /** @param plugins plugins given in code; null to load them from {@code perfopt.plugins.dir} */
    public SimulatedFleetRun(Map<String, String> overrides, List<OptimizerPlugin> plugins) throws Exception {
        this(overrides, plugins, false);
    }

    /** @param prometheus scrape the agents' Prometheus exposition instead of their JSON documents */
    public SimulatedFleetRun(Map<String, String> overrides, List<OptimizerPlugin> plugins, boolean prometheus)
            throws Exception {
        fleet = SimulatedFleet.demo(clock, 42);
        fleet.start(0);
        try {
            perfopt = new PerfoptHarness(clock, overrides, plugins,
                    prometheus ? FleetAgents.prometheus(fleet) : FleetAgents.json(fleet));
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
    }

    @Override
    public void close() {
        perfopt.close();
        fleet.close();
    }
}
