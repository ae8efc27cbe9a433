package io.perfopt.integration.api;

import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.engine.cycle.EngineStatus;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.fleet.AgentDirectory;
import io.perfopt.integration.actuate.KnobCache;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.collect.AgentCollection;
import io.perfopt.integration.collect.CollectionHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.camel.Exchange;

/**
 * The read side of the REST API: every answer is JSON with stable field names (documented in the
 * README). Called by the API routes; each method takes the exchange for its query parameters.
 */
public final class ApiViews {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    private final OptimizationLoop loop;
    private final AgentRegistry registry;
    private final AgentDirectory directory;
    private final CollectionHealth health;
    private final KnobCache knobs;
    private final Clock clock;
    private final String version;
    private final Function<String, String> owners;

    public ApiViews(OptimizationLoop loop, AgentRegistry registry, AgentDirectory directory, CollectionHealth health,
                    KnobCache knobs, Clock clock, String version) {
        this(loop, registry, directory, health, knobs, clock, version,
                id -> directory.owns(id) ? loop.config().nodeId() : null);
    }

    /** @param owners the node id optimizing an agent, null when none (in a cluster: any member's node) */
    public ApiViews(OptimizationLoop loop, AgentRegistry registry, AgentDirectory directory, CollectionHealth health,
                    KnobCache knobs, Clock clock, String version, Function<String, String> owners) {
        this.owners = owners;
        this.loop = loop;
        this.registry = registry;
        this.directory = directory;
        this.health = health;
        this.knobs = knobs;
        this.clock = clock;
        this.version = version;
    }

    /** {@code GET /api/status}. */
    public String status() {
        EngineStatus engine = loop.status();
        List<AgentView> agents = agentViews();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", agents.size());
        counts.put("fresh", agents.stream().filter(a -> a.freshness().equals("fresh")).count());
        counts.put("stale", agents.stream().filter(a -> a.freshness().equals("stale")).count());
        counts.put("neverSeen", agents.stream().filter(a -> a.freshness().equals("never-seen")).count());
        counts.put("failing", agents.stream().filter(AgentView::failing).count());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("node", engine.nodeId());
        status.put("version", version);
        status.put("time", clock.instant());
        status.put("cycles", engine.cycles());
        status.put("lastCycleAt", engine.lastCycleAt());
        status.put("paused", engine.paused());
        status.put("autonomyLevel", engine.autonomyLevel());
        status.put("maxUnattendedRisk", engine.maxUnattendedRisk());
        status.put("aggressiveness", engine.aggressiveness());
        status.put("control", engine.control());
        status.put("agents", counts);
        status.put("changesInFlight", engine.changesInFlight());
        status.put("approvalsWaiting", engine.approvalsWaiting());
        List<CycleReport> reports = loop.recentReports();
        CycleReport last = reports.isEmpty() ? null : reports.get(reports.size() - 1);
        status.put("systemScore", last == null ? null : last.systemScore());
        status.put("impact", last == null ? null : last.impact());
        return Json.write(status);
    }

    /** {@code GET /api/agents}. */
    public String agents() {
        return Json.write(agentViews());
    }

    /** {@code GET /api/agents/{id}}: one agent, with its knobs read now. */
    public String agent(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        AgentConfig config = registry.find(id).orElseThrow(() -> HttpProblem.notFound("unknown agent " + id));
        if (config.hasControl()) {
            try {
                knobs.readKnobs(id);
            } catch (io.perfopt.api.spi.ActuationException | RuntimeException e) {
                // the view still answers, with the knobs last seen and the collection's state
            }
        }
        return Json.write(view(config));
    }

    /** {@code GET /api/cycles?limit=N}: the latest cycle reports, newest first. */
    public String cycles(Exchange exchange) {
        List<CycleReport> reports = new ArrayList<>(loop.recentReports());
        java.util.Collections.reverse(reports);
        return Json.write(reports.subList(0, Math.min(limit(exchange), reports.size())));
    }

    /** {@code GET /api/optimizations?agent=ID&verdict=V&limit=N}: results, newest first. */
    public String optimizations(Exchange exchange) {
        String agent = exchange.getIn().getHeader("agent", String.class);
        String verdict = exchange.getIn().getHeader("verdict", String.class);
        List<OptimizationResult> results = new ArrayList<>(loop.recentResults());
        java.util.Collections.reverse(results);
        return Json.write(results.stream()
                .filter(r -> agent == null || r.strategy().target().equals(agent))
                .filter(r -> verdict == null || r.verdict().name().equalsIgnoreCase(verdict))
                .limit(limit(exchange)).toList());
    }

    private List<AgentView> agentViews() {
        return registry.agents().stream().map(this::view).toList();
    }

    private AgentView view(AgentConfig config) {
        String id = config.id();
        Instant now = clock.instant();
        Optional<Instant> lastSeen = loop.metrics().lastSeen(id);
        Duration staleAfter = loop.config().staleAfter();
        String freshness = lastSeen.map(t -> t.isBefore(now.minus(staleAfter)) ? "stale" : "fresh").orElse("never-seen");
        AgentCollection collection = health.of(id);
        AgentMetrics recent = loop.metrics().viewSince(id, now.minus(loop.config().detectionWindow()));
        Map<String, MetricSummary> metrics = new TreeMap<>();
        recent.metrics().forEach(m -> recent.summary(m).ifPresent(s -> metrics.put(m, s)));
        Optional<KnobCache.Seen> seen = knobs.lastSeen(id);
        String inFlight = loop.status().changesInFlight().isEmpty() ? null : inFlightOf(id);
        return new AgentView(id, config.agentClass(), config.tags(),
                owners.apply(id),
                config.metrics().format().name().toLowerCase(java.util.Locale.ROOT), freshness,
                collection.consecutiveFailures() > 0, lastSeen.orElse(null), collection, metrics,
                seen.map(s -> s.knobs().stream().map(AgentView.KnobView::of).toList()).orElse(List.of()),
                seen.map(KnobCache.Seen::readAt).orElse(null),
                loop.openBottlenecks().getOrDefault(id, List.of()), inFlight,
                loop.thresholds().forAgent(id).asMap(), loop.config().detection().latencyStatistic());
    }

    private String inFlightOf(String agentId) {
        return loop.changesInFlight().stream().filter(e -> e.agentId().equals(agentId)).map(JournalEntry::id)
                .findFirst().orElse(null);
    }

    private static int limit(Exchange exchange) {
        String text = exchange.getIn().getHeader("limit", String.class);
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < 1 || n > MAX_LIMIT) {
                throw HttpProblem.badRequest("limit must be within 1.." + MAX_LIMIT + ", got " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("limit must be a whole number, got " + text);
        }
    }
}
