package io.perfopt.integration.testing;

import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.ControlEndpoint;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.agents.PluginBinding;
import io.perfopt.simulator.SimulatedFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The agents of a simulated fleet as perfopt is told of them: by id and class, polled over
 * loopback and changed through their control endpoints with their tokens.
 */
public final class FleetAgents {

    private FleetAgents() {
    }

    /** Every agent of the fleet, its metrics polled as JSON documents. */
    public static List<AgentConfig> json(SimulatedFleet fleet) {
        return of(fleet, id -> MetricsSource.json(fleet.metricsUri(id)));
    }

    /** Every agent of the fleet, its metrics scraped from its Prometheus exposition. */
    public static List<AgentConfig> prometheus(SimulatedFleet fleet) {
        return of(fleet, id -> MetricsSource.prometheus(fleet.prometheusUri(id)));
    }

    private static List<AgentConfig> of(SimulatedFleet fleet, Function<String, MetricsSource> metrics) {
        return fleet.agents().stream().map(agent -> new AgentConfig(agent.id(), agent.agentClass(), Set.of(),
                metrics.apply(agent.id()), new ControlEndpoint(fleet.controlUri(agent.id()),
                        fleet.tokens().get(agent.id()), Duration.ofSeconds(2)),
                Map.of(), PluginBinding.all())).toList();
    }
}
