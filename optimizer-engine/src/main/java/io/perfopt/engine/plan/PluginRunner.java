package io.perfopt.engine.plan;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls plugins in isolation. Every call into plugin code runs on a worker thread under a time
 * limit; a plugin that throws, exceeds the limit or proposes nonsense (an unknown knob, a value
 * out of range) has the call count as a failure, logged with its id, and after
 * {@code failureLimit} consecutive failures it is disabled until re-enabled. The cycle goes on
 * with the others either way.
 *
 * <p>A plugin stuck in an endless loop cannot be stopped in the JVM; its worker thread is
 * interrupted and abandoned (daemon), and the plugin is disabled before it can strand many.
 */
public final class PluginRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginRunner.class);

    private final Duration timeout;
    private final int failureLimit;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<OptimizerPlugin, Identity> identities = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, PluginHealth> health = new ConcurrentHashMap<>();
    private final java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * @param timeout      the time limit of one call into a plugin
     * @param failureLimit consecutive failures after which a plugin is disabled
     */
    public PluginRunner(Duration timeout, int failureLimit, Clock clock) {
        this.timeout = timeout;
        this.failureLimit = failureLimit;
        this.clock = clock;
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "perfopt-plugin-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The plugin's id and handled types, asked once under the time limit; empty when the plugin misbehaves. */
    public Optional<Identity> identify(OptimizerPlugin plugin) {
        Identity known = identities.get(plugin);
        if (known != null) {
            return Optional.of(known);
        }
        String fallbackId = plugin.getClass().getName();
        try {
            Identity identity = call(() -> new Identity(plugin.id(), Set.copyOf(plugin.handles())));
            identities.put(plugin, identity);
            health.putIfAbsent(identity.id(), new PluginHealth(identity.id(), true, 0, 0, 0, 0, null, null));
            return Optional.of(identity);
        } catch (PluginFailure e) {
            log.warn("plugin {} cannot tell its id or handled types: {}", fallbackId, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Asks the plugin for proposals for the context, if it is enabled, serves the agent and
     * handles the bottleneck. Returns only valid proposals.
     */
    public List<Proposal> propose(OptimizerPlugin plugin, PlanningContext context) {
        Optional<Identity> identity = identify(plugin);
        if (identity.isEmpty() || !enabled(identity.get().id())
                || !identity.get().handles().contains(context.bottleneck().type())) {
            return List.of();
        }
        String id = identity.get().id();
        List<Proposal> proposals;
        try {
            proposals = call(() -> {
                if (!plugin.serves(context.agent()) || !plugin.handles(context.bottleneck())) {
                    return List.<Proposal>of();
                }
                List<Proposal> answer = plugin.propose(context);
                return answer == null ? List.<Proposal>of() : List.copyOf(answer);
            });
        } catch (PluginFailure e) {
            fail(id, context, e.getMessage());
            return List.of();
        }
        List<Proposal> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Proposal proposal : proposals) {
            ProposalValidator.problem(proposal, context.knobs())
                    .ifPresentOrElse(p -> problems.add("\"" + proposal.description() + "\": " + p),
                            () -> valid.add(proposal));
        }
        if (problems.isEmpty()) {
            succeed(id, valid.size());
        } else {
            fail(id, context, "proposed nonsense: " + String.join("; ", problems));
        }
        return valid;
    }

    /** Whether the plugin may be called. Unknown plugins are enabled. */
    public boolean enabled(String pluginId) {
        PluginHealth h = health.get(pluginId);
        return h == null || h.enabled();
    }

    /** Enables (again) a plugin and forgets its consecutive failures. */
    public void enable(String pluginId) {
        health.compute(pluginId, (id, h) -> h == null
                ? new PluginHealth(id, true, 0, 0, 0, 0, null, null)
                : new PluginHealth(id, true, h.calls(), h.proposals(), 0, h.totalFailures(), h.lastError(),
                h.lastErrorAt()));
    }

    /** Disables a plugin by command. */
    public void disable(String pluginId, String reason) {
        health.compute(pluginId, (id, h) -> h == null
                ? new PluginHealth(id, false, 0, 0, 0, 0, reason, clock.instant())
                : new PluginHealth(id, false, h.calls(), h.proposals(), h.consecutiveFailures(), h.totalFailures(),
                reason, clock.instant()));
    }

    /** Forgets a plugin instance that was unloaded (its health record stays, by id). */
    public void forget(OptimizerPlugin plugin) {
        identities.remove(plugin);
    }

    /** The health of every plugin seen, by id. */
    public Map<String, PluginHealth> health() {
        return Map.copyOf(health);
    }

    /** The failures since the last call, one sentence each, for the cycle report. */
    public List<String> drainFailures() {
        List<String> drained = new ArrayList<>();
        for (String f; (f = failures.poll()) != null; ) {
            drained.add(f);
        }
        return drained;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private void succeed(String id, int proposals) {
        health.compute(id, (k, h) -> new PluginHealth(k, h == null || h.enabled(), calls(h) + 1,
                (h == null ? 0 : h.proposals()) + proposals, 0, h == null ? 0 : h.totalFailures(),
                h == null ? null : h.lastError(), h == null ? null : h.lastErrorAt()));
    }

    private void fail(String id, PlanningContext context, String reason) {
        PluginHealth updated = health.compute(id, (k, h) -> {
            int consecutive = (h == null ? 0 : h.consecutiveFailures()) + 1;
            boolean enabled = (h == null || h.enabled()) && consecutive < failureLimit;
            return new PluginHealth(k, enabled, calls(h) + 1, h == null ? 0 : h.proposals(), consecutive,
                    (h == null ? 0 : h.totalFailures()) + 1, reason, clock.instant());
        });
        log.warn("plugin {} failed on agent {} ({}): {}", id, context.agent().id(), context.bottleneck().type(),
                reason);
        failures.add("plugin " + id + " failed on agent " + context.agent().id() + ": " + reason
                + (updated.enabled() ? "" : " (disabled)"));
        if (!updated.enabled() && updated.consecutiveFailures() == failureLimit) {
            log.warn("plugin {} disabled after {} consecutive failures; last: {}", id, failureLimit, reason);
        }
    }

    private static long calls(PluginHealth h) {
        return h == null ? 0 : h.calls();
    }

    private <T> T call(Callable<T> task) throws PluginFailure {
        Future<T> future = workers.submit(task);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginFailure("took longer than " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new PluginFailure("threw " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginFailure("interrupted");
        }
    }

    /**
     * What the runner knows of a plugin without calling it again.
     *
     * @param id       the plugin's id
     * @param handles  the bottleneck types it handles
     */
    public record Identity(String id, Set<BottleneckType> handles) {
    }

    private static final class PluginFailure extends Exception {
        private static final long serialVersionUID = 1L;

        PluginFailure(String message) {
            super(message, null, false, false);
        }
    }
}
