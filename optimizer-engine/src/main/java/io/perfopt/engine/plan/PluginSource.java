package io.perfopt.engine.plan;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.spi.OptimizerPlugin;
import java.util.List;

/**
 * Port: the plugins to consult. The plugin host (PF4J) implements it over the plugin directory,
 * applying per-agent binding from configuration; tests pass plugin instances directly.
 */
public interface PluginSource {

    /** Every plugin currently loaded. */
    List<OptimizerPlugin> all();

    /**
     * The plugins configuration binds to this agent (all by default). Whether a plugin itself
     * serves the agent is asked later, under the plugin's time limit.
     */
    default List<OptimizerPlugin> pluginsFor(AgentDescriptor agent) {
        return all();
    }

    /** A fixed list of plugins. */
    static PluginSource of(List<OptimizerPlugin> plugins) {
        List<OptimizerPlugin> copy = List.copyOf(plugins);
        return () -> copy;
    }
}
