/**
 * The plugin host: optimizer plugins loaded with PF4J from the plugin directory only, started,
 * probed and handed to the engine as its {@link io.perfopt.engine.plan.PluginSource}; listed,
 * enabled, disabled, reloaded and rescanned at run time without restarting perfopt.
 */
package io.perfopt.integration.plugins;
