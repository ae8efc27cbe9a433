package io.perfopt.integration.plugins;

import java.nio.file.Path;

/**
 * Plugins built as real plugin files at test time: a well-behaved one, and ones that load fine
 * and misbehave when asked for proposals.
 */
final class BrokenPlugins {

    private BrokenPlugins() {
    }

    /** A plugin that behaves: it proposes nothing. */
    static PluginFileBuilder steady(String id) {
        return PluginFileBuilder.optimizer(id, "Steady" + Math.abs(id.hashCode()),
                "public List<Proposal> propose(PlanningContext c) { return List.of(); }");
    }

    static PluginFileBuilder thrower() {
        return PluginFileBuilder.optimizer("thrower", "Thrower", """
                public List<Proposal> propose(PlanningContext c) { throw new IllegalStateException("boom"); }
                """);
    }

    static PluginFileBuilder hanger() {
        return PluginFileBuilder.optimizer("hanger", "Hanger", """
                public List<Proposal> propose(PlanningContext c) {
                    try {
                        new java.util.concurrent.CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of();
                }
                """);
    }

    static PluginFileBuilder ghost() {
        return PluginFileBuilder.optimizer("ghost", "Ghost", """
                public List<Proposal> propose(PlanningContext c) {
                    return List.of(Proposal.builder("turn a knob nobody has").change(new KnobChange("turbo.mode", 0, 1))
                            .build());
                }
                """);
    }

    static PluginFileBuilder overreach() {
        return PluginFileBuilder.optimizer("overreach", "Overreach", """
                public List<Proposal> propose(PlanningContext c) {
                    return c.knob("cache.size").map(k -> List.of(Proposal.builder("cache to the moon")
                            .change(new KnobChange("cache.size", k.value(), 1_000_000)).build())).orElse(List.of());
                }
                """);
    }

    static void writeAll(Path directory) {
        thrower().writeZip(directory);
        hanger().writeZip(directory);
        ghost().writeZip(directory);
        overreach().writeZip(directory);
    }
}
