package io.perfopt.integration.plugins;

import io.perfopt.api.optimization.BottleneckType;
import java.util.Set;

/**
 * One {@code OptimizerPlugin} extension of a plugin, as {@code GET /api/plugins} shows it.
 *
 * @param className   the extension's class
 * @param optimizerId its {@code id()}, under which strategies and learning are recorded and which
 *                    {@code conf/agents.yaml} include/exclude lists name
 * @param handles     the bottleneck types it handles
 */
public record ExtensionView(String className, String optimizerId, Set<BottleneckType> handles) {

    public ExtensionView {
        handles = Set.copyOf(handles);
    }
}
