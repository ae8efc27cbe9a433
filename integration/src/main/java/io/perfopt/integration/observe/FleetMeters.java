package io.perfopt.integration.observe;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.plan.PluginHealth;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.collect.CollectionHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Meters whose label sets follow the fleet: one series per agent (and per refusal reason), per
 * plugin. {@link #refresh()} (before every scrape) adds the series of agents and reasons that
 * appeared and removes those of agents that left; the values themselves are read from
 * {@link CollectionHealth}, the metric windows and the plugin runner at scrape time.
 *
 * <pre>
 *   perfopt_agents{freshness}                          fresh | stale | never_seen
 *   perfopt_agent_last_sample_age_seconds{agent}       seconds since the agent's newest sample
 *   perfopt_ingest_samples_accepted_total{agent}       samples recorded (rate() of it: the ingest rate)
 *   perfopt_ingest_rejected_total{agent, reason}       documents and values refused: invalid-value, timeout,
 *                                                      unreachable, http-500, malformed, too-large, ...
 *   perfopt_collections_total{agent, outcome}          ok | failed
 *   perfopt_plugin_calls_total{plugin}                 proposal calls
 *   perfopt_plugin_failures_total{plugin}              failed or timed-out calls
 *   perfopt_plugin_enabled{plugin}                     1, or 0 once cut off
 * </pre>
 */
final class FleetMeters {

    private static final String AGENT = "agent";

    private final MeterRegistry meters;
    private final AgentRegistry agents;
    private final CollectionHealth collection;
    private final OptimizationLoop loop;
    private final Clock clock;
    private final Map<String, List<Meter>> perAgent = new HashMap<>();
    private final Set<String> reasons = new HashSet<>();
    private final Set<String> plugins = new HashSet<>();

    FleetMeters(MeterRegistry meters, AgentRegistry agents, CollectionHealth collection, OptimizationLoop loop,
                Clock clock) {
        this.meters = meters;
        this.agents = agents;
        this.collection = collection;
        this.loop = loop;
        this.clock = clock;
        for (String freshness : List.of("fresh", "stale", "never_seen")) {
            Gauge.builder("perfopt.agents", () -> count(freshness)).description("Agents by freshness of their metrics")
                    .tag("freshness", freshness).strongReference(true).register(meters);
        }
    }

    /** Brings the label sets up to date with the fleet and the plugins. */
    synchronized void refresh() {
        Set<String> present = new HashSet<>();
        for (AgentConfig agent : agents.agents()) {
            String id = agent.id();
            present.add(id);
            perAgent.computeIfAbsent(id, this::agentMeters);
            collection.of(id).problems().keySet().forEach(reason -> rejected(id, reason));
        }
        perAgent.keySet().removeIf(id -> {
            if (present.contains(id)) {
                return false;
            }
            perAgent.get(id).forEach(meters::remove);
            meters.find("perfopt.ingest.rejected").tag(AGENT, id).meters().forEach(meters::remove);
            reasons.removeIf(key -> key.startsWith(id + '\u0000'));
            return true;
        });
        loop.pluginHealth().keySet().forEach(this::pluginMeters);
    }

    private List<Meter> agentMeters(String id) {
        return List.of(
                Gauge.builder("perfopt.agent.last.sample.age", () -> age(id)).baseUnit("seconds")
                        .description("Seconds since the agent's newest sample; NaN before the first")
                        .tag(AGENT, id).strongReference(true).register(meters),
                FunctionCounter.builder("perfopt.ingest.samples.accepted", collection,
                                c -> c.of(id).samplesAccepted())
                        .description("Samples accepted into the metric windows").tag(AGENT, id).register(meters),
                FunctionCounter.builder("perfopt.collections", collection, c -> c.of(id).polls())
                        .description("Collections of the agent's metrics, by outcome").tag(AGENT, id)
                        .tag("outcome", "ok").register(meters),
                FunctionCounter.builder("perfopt.collections", collection, c -> c.of(id).failures())
                        .description("Collections of the agent's metrics, by outcome").tag(AGENT, id)
                        .tag("outcome", "failed").register(meters));
    }

    private void rejected(String id, String reason) {
        if (reasons.add(id + '\u0000' + reason)) {
            FunctionCounter.builder("perfopt.ingest.rejected", collection,
                            c -> c.of(id).problems().getOrDefault(reason, 0L))
                    .description("Documents and values refused, by reason").tag(AGENT, id).tag("reason", reason)
                    .register(meters);
        }
    }

    private void pluginMeters(String id) {
        if (!plugins.add(id)) {
            return;
        }
        FunctionCounter.builder("perfopt.plugin.calls", loop, l -> health(l, id).map(PluginHealth::calls).orElse(0L))
                .description("Proposal calls made to the plugin").tag("plugin", id).register(meters);
        FunctionCounter.builder("perfopt.plugin.failures", loop,
                        l -> health(l, id).map(PluginHealth::totalFailures).orElse(0L))
                .description("Proposal calls that failed or timed out").tag("plugin", id).register(meters);
        Gauge.builder("perfopt.plugin.enabled", () -> health(loop, id).map(h -> h.enabled() ? 1 : 0).orElse(0))
                .description("1 while the engine calls the plugin, 0 once it is cut off").tag("plugin", id)
                .strongReference(true).register(meters);
    }

    private static Optional<PluginHealth> health(OptimizationLoop loop, String pluginId) {
        return Optional.ofNullable(loop.pluginHealth().get(pluginId));
    }

    private double age(String id) {
        return loop.metrics().lastSeen(id)
                .map(seen -> Duration.between(seen, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN);
    }

    private long count(String freshness) {
        Instant staleFrom = clock.instant().minus(loop.config().staleAfter());
        return agents.agents().stream().map(a -> freshnessOf(a.id(), staleFrom)).filter(freshness::equals).count();
    }

    private String freshnessOf(String id, Instant staleFrom) {
        return loop.metrics().lastSeen(id).map(t -> t.isBefore(staleFrom) ? "stale" : "fresh").orElse("never_seen");
    }
}
