package io.perfopt.integration.plugins;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import java.util.Set;

/**
 * An extension the host hands out, with what it said of itself when it was started.
 *
 * @param instance  the extension, loaded by its plugin's class loader
 * @param className its class
 * @param id        its {@link OptimizerPlugin#id()}: the id of its strategies and learning
 * @param handles   its {@link OptimizerPlugin#handles()}
 */
record HostedExtension(OptimizerPlugin instance, String className, String id, Set<BottleneckType> handles) {

    /** The view of it for listings. */
    ExtensionView view() {
        return new ExtensionView(className, id, handles);
    }
}
