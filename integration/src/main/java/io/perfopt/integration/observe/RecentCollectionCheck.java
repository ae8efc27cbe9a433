package io.perfopt.integration.observe;

import io.perfopt.engine.fleet.AgentDirectory;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.collect.AgentCollection;
import io.perfopt.integration.collect.CollectionHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness check {@code perfopt-collection}: the node hears from its fleet. DOWN when the node
 * optimizes agents, has been up longer than {@code maxAge}, and not one of them delivered metrics
 * within {@code maxAge}; a node without agents (in a cluster: without agents it owns), or still
 * starting, is UP. Agents that went quiet
 * while others deliver are listed in the details (and in {@code /api/agents}), not a reason to
 * take the node out of service.
 */
final class RecentCollectionCheck extends AbstractHealthCheck {

    private final AgentRegistry agents;
    private final AgentDirectory directory;
    private final CollectionHealth collection;
    private final Clock clock;
    private final Duration maxAge;
    private final Instant startedAt;

    RecentCollectionCheck(AgentRegistry agents, AgentDirectory directory, CollectionHealth collection, Clock clock,
                          Duration maxAge) {
        super("perfopt", "perfopt-collection");
        this.agents = agents;
        this.directory = directory;
        this.collection = collection;
        this.clock = clock;
        this.maxAge = maxAge;
        this.startedAt = clock.instant();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Instant now = clock.instant();
        Instant since = now.minus(maxAge);
        List<String> declared = agents.agents().stream().map(AgentConfig::id).filter(directory::owns).toList();
        List<String> quiet = declared.stream().filter(id -> !recent(collection.of(id), since)).toList();
        builder.detail("agents", declared.size()).detail("withinSeconds", maxAge.toSeconds())
                .detail("quiet", quiet);
        if (declared.isEmpty()) {
            builder.up().message("no agents to optimize on this node");
        } else if (quiet.size() < declared.size()) {
            builder.up().message((declared.size() - quiet.size()) + " of " + declared.size()
                    + " agents delivered metrics within " + maxAge.toSeconds() + " s");
        } else if (startedAt.isAfter(since)) {
            builder.up().message("starting: no agent delivered metrics yet");
        } else {
            builder.down().message("no agent delivered metrics within " + maxAge.toSeconds()
                    + " s: check the agents' metrics URLs and GET /api/agents");
        }
    }

    private static boolean recent(AgentCollection c, Instant since) {
        return c.lastSuccess() != null && !c.lastSuccess().isBefore(since);
    }
}
