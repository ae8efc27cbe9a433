package io.perfopt.integration.collect;

import io.perfopt.integration.agents.AgentChange;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistryListener;
import io.perfopt.integration.agents.MetricsFormat;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one poll route per pulled agent (JSON, Prometheus, PromQL or JDBC), created from the
 * {@code poll-agent} route template of {@code routes/collect.yaml} as agents come, go or change.
 * Only agents this node owns are polled.
 */
public final class PollRoutes implements AgentRegistryListener {

    /** The route template every poll route is made from. */
    public static final String TEMPLATE = "poll-agent";

    private static final Logger log = LoggerFactory.getLogger(PollRoutes.class);

    private final CamelContext camel;
    private final Predicate<String> owned;

    public PollRoutes(CamelContext camel, Predicate<String> owned) {
        this.camel = camel;
        this.owned = owned;
    }

    /** The route id of an agent's poll route. */
    public static String routeId(String agentId) {
        return "poll-" + agentId;
    }

    /** Whether the agent's metrics are pulled by a poll route: every format but push. */
    public static boolean pulled(AgentConfig agent) {
        // promql and jdbc are collected by routes/sources.yaml (io.perfopt.integration.sources)
        return agent.metrics().format() != MetricsFormat.PUSH;
    }

    @Override
    public void onChange(AgentChange change) {
        switch (change.kind()) {
            case ADDED -> start(change.after());
            case UPDATED -> {
                stop(change.before().id());
                start(change.after());
            }
            case REMOVED -> stop(change.before().id());
        }
    }

    /** Starts polling the agent if it is pulled and owned here (no-op otherwise). */
    public synchronized void start(AgentConfig agent) { // synchronized: the registry and cluster ownership both call it
        if (!pulled(agent) || !owned.test(agent.id()) || camel.getRoute(routeId(agent.id())) != null) {
            return;
        }
        try {
            TemplatedRouteBuilder.builder(camel, TEMPLATE)
                    .routeId(routeId(agent.id()))
                    .parameter("agentId", agent.id())
                    .parameter("format", agent.metrics().format().name().toLowerCase(Locale.ROOT))
                    .parameter("intervalMs", String.valueOf(agent.metrics().interval().toMillis()))
                    .add();
            log.info("agent {}: polling {} metrics every {} ms from {}", agent.id(),
                    agent.metrics().format().name().toLowerCase(Locale.ROOT), agent.metrics().interval().toMillis(),
                    withoutSecrets(String.valueOf(agent.metrics().url())));
        } catch (Exception e) {
            log.warn("agent {}: cannot create its poll route: {}", agent.id(), e.toString());
        }
    }

    /** The URL as a log line may show it: a password in its query (JDBC URLs carry them) is masked. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password|secret|token)=[^&;]*", "$1=****");
    }

    /** Stops and removes the agent's poll route, if it has one. */
    public synchronized void stop(String agentId) { // synchronized: see start
        String id = routeId(agentId);
        if (camel.getRoute(id) == null) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
            log.info("agent {}: polling stopped", agentId);
        } catch (Exception e) {
            log.warn("agent {}: cannot remove its poll route: {}", agentId, e.toString());
        }
    }
}
