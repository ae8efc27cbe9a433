package io.perfopt.engine.plan;

import java.time.Instant;

/**
 * How a plugin has behaved: calls, failures, and whether it is cut off.
 *
 * @param pluginId            the plugin
 * @param enabled             false once disabled after repeated failures or by command
 * @param calls               proposal calls made
 * @param proposals           valid proposals returned
 * @param consecutiveFailures failures since the last good call
 * @param totalFailures       failures ever
 * @param lastError           the last failure's reason; null when none
 * @param lastErrorAt         when it happened; null when none
 */
public record PluginHealth(String pluginId, boolean enabled, long calls, long proposals, int consecutiveFailures,
                           long totalFailures, String lastError, Instant lastErrorAt) {
}
