package io.perfopt.integration.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.spi.OptimizerPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostConcurrencyTest {

    @TempDir
    Path directory;

    @Test
    void theCycleThreadReadsAConsistentSetWhileTheApiReloadsAndDisables() throws Exception {
        BrokenPlugins.steady("steady-a").writeZip(directory);
        BrokenPlugins.steady("steady-b").writeZip(directory);
        ExecutorService cycle = Executors.newSingleThreadExecutor();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (PluginHost host = new PluginHost(directory, "0.1.0").start()) {
            AgentDescriptor agent = AgentDescriptor.of("a1", "generic");
            Future<?> reader = cycle.submit(() -> {
                while (!done.get()) {
                    List<OptimizerPlugin> all = host.all();
                    List<OptimizerPlugin> bound = host.pluginsFor(agent);
                    assertThat(all).hasSizeBetween(0, 2);
                    assertThat(bound).hasSizeBetween(0, 2);
                    all.forEach(p -> seen.add(p.id()));
                    reads.incrementAndGet();
                }
            });

            for (int i = 0; i < 10; i++) {
                host.reload("steady-a");
                host.disable("steady-b");
                host.enable("steady-b");
            }
            done.set(true);
            reader.get(10, TimeUnit.SECONDS);

            assertThat(reads.get()).isPositive();
            assertThat(seen).containsExactlyInAnyOrder("steady-a", "steady-b");
            assertThat(host.all()).extracting(OptimizerPlugin::id)
                    .containsExactlyInAnyOrder("steady-a", "steady-b");
        } finally {
            cycle.shutdownNow();
        }
    }
}
