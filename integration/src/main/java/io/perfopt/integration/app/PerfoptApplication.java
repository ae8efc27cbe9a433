package io.perfopt.integration.app;

import io.perfopt.engine.cycle.EngineConfig;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.engine.report.ReportSink;
import io.perfopt.integration.actuate.HttpActuator;
import io.perfopt.integration.actuate.KnobCache;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.agents.AgentsFile;
import io.perfopt.integration.api.ApiAuthorization;
import io.perfopt.integration.api.ApiViews;
import io.perfopt.integration.api.ErrorResponder;
import io.perfopt.integration.api.AgentsApi;
import io.perfopt.integration.api.CommandsApi;
import io.perfopt.integration.api.PluginsApi;
import io.perfopt.integration.api.SignalsApi;
import io.perfopt.integration.plugins.PluginHost;
import io.perfopt.integration.collect.CollectionHealth;
import io.perfopt.integration.collect.CycleRunner;
import io.perfopt.integration.collect.MetricsIngest;
import io.perfopt.integration.collect.OnCycleCollector;
import io.perfopt.integration.collect.PollRoutes;
import io.perfopt.integration.collect.RegistryDirectory;
import io.perfopt.integration.api.ClusterApi;
import io.perfopt.integration.cluster.ClusterSettings;
import io.perfopt.integration.cluster.ClusterStores;
import io.perfopt.integration.cluster.LocalHandover;
import io.perfopt.integration.cluster.PerfoptCluster;
import io.perfopt.integration.cluster.PartitionOwnership;
import io.perfopt.integration.observe.ObserveAccess;
import io.perfopt.integration.observe.ProbeResult;
import io.perfopt.integration.observe.ObserveHooks;
import io.perfopt.integration.observe.Observability;
import io.perfopt.integration.persist.AuditLog;
import io.perfopt.integration.persist.Persistence;
import io.perfopt.integration.sources.MetricSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * perfopt as a running service: the engine, the fleet registry, the HTTP actuator, and a Camel
 * Main application whose YAML routes collect metrics, serve the API and fire cycles. Started
 * by {@code perfopt run} and {@code perfopt demo}, and in-process by the integration tests.
 */
public final class PerfoptApplication implements AutoCloseable {

    /** perfopt's version, as the API and the plugin host report it. */
    public static final String VERSION = "0.1.0";

    private static final Logger log = LoggerFactory.getLogger(PerfoptApplication.class);

    private final PerfoptSettings settings;
    private final Path home;
    private final Clock clock;
    private final List<ReportSink> sinks;
    private final PluginSource plugins;
    private final List<AgentConfig> extraAgents;
    private final DataSource dataSource; // cluster (issue 6): the map stores' database; null: perfopt's own

    private Main main;
    private OptimizationLoop loop;
    private AgentRegistry registry;
    private CollectionHealth health;
    private PluginHost host;
    private PerfoptCluster cluster;
    // ---- observability (io.perfopt.integration.observe): /metrics, /health and their hooks ----
    private final ObserveHooks observeHooks = new ObserveHooks();
    // ---- end observability ----
    // ---- persistence (issue 5) ----
    private Persistence persistence;
    private MetricSources sources;

    PerfoptApplication(PerfoptApplicationBuilder b) {
        this.settings = b.settings;
        this.home = b.home;
        this.clock = b.clock;
        this.sinks = List.copyOf(b.sinks);
        this.plugins = b.plugins;
        this.extraAgents = List.copyOf(b.agents);
        this.dataSource = b.dataSource;
    }

    public static PerfoptApplicationBuilder builder() {
        return new PerfoptApplicationBuilder();
    }

    /** Starts everything and returns once the API answers; a failed start leaves nothing open. */
    public synchronized PerfoptApplication start() throws Exception {
        try {
            return startParts();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private PerfoptApplication startParts() throws Exception {
        EngineConfig engineConfig = settings.engineConfig();
        // ---- persistence (issue 5): the database opens (and migrates) before anything else starts
        persistence = Persistence.open(settings, home, clock, () -> loop.metrics());
        registry = new AgentRegistry(declaredAgents());
        extraAgents.forEach(a -> {
            var problems = registry.register(a);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("agent " + a.id() + ": " + problems);
            }
        });
        // ---- cluster (issue 6): this node is a member (alone: a one-member cluster) and acts only on
        // the agents whose partition it owns; learning and the journal are shared cluster maps
        // the map stores keep learning and the journal in perfopt's database (or the one given in code)
        DataSource stores = dataSource != null ? dataSource : persistence.database().dataSource();
        cluster = PerfoptCluster.start(ClusterSettings.from(settings, home), engineConfig.nodeId(),
                ClusterStores.over(stores, clock));
        Predicate<String> owned = cluster.ownership();
        // ---- end cluster
        RegistryDirectory directory = new RegistryDirectory(registry, owned);
        KnobCache actuator = new KnobCache(new HttpActuator(registry), clock);
        health = new CollectionHealth(clock);

        main = new Main();
        PluginSource source = plugins;
        if (source == null) {
            Path dir = home.resolve(settings.text("perfopt.plugins.dir"));
            host = new PluginHost(dir, VERSION, (optimizerId, agent) -> registry.find(agent.id())
                    .map(c -> c.plugins().allows(optimizerId)).orElse(true)).start();
            source = host;
        }
        var builder = OptimizationLoop.builder().config(engineConfig).clock(clock).agents(directory)
                .plugins(source).actuator(actuator);
        builder.learning(cluster.learning()).journal(cluster.journal()); // cluster (issue 6)
        sinks.forEach(builder::sink);
        // ---- observability: the cycle meters are a report sink, so they exist before the loop ----
        Observability observability = new Observability(observeHooks);
        builder.sink(observability.cycleMeters());
        // ---- end observability ----
        persistence.sinks().forEach(builder::sink); // persistence (issue 5): history, outbox
        boolean collectOnCycle = settings.flag("perfopt.collect.on-cycle");
        List<OnCycleCollector> collector = new ArrayList<>(1);
        if (collectOnCycle) {
            builder.collector(() -> collector.forEach(OnCycleCollector::collect));
        }
        loop = builder.build();
        if (host != null) {
            host.onUnload(loop::forgetPlugin);
        }
        registry.addListener(change -> {
            if (change.after() != null) {
                loop.thresholds().override(change.after().id(), change.after().thresholds());
            } else {
                loop.forgetAgent(change.before().id());
                loop.thresholds().override(change.before().id(), java.util.Map.of());
                health.forget(change.before().id());
                actuator.forget(change.before().id());
            }
        });

        long maxBody = settings.longValue("perfopt.collect.max-body-bytes");
        // cluster (issue 6): samples of agents another member owns are sent to that member
        MetricsIngest ingest = new MetricsIngest(registry,
                cluster.samples((agentId, samples) -> loop.metrics().recordAll(samples)),
                health, clock, maxBody, settings.longValue("perfopt.api.max-body-bytes"));
        ApiAuthorization authorization = new ApiAuthorization(settings.text("perfopt.api.token", ""));
        main.bind("ingest", ingest);
        main.bind("cycles", new CycleRunner(loop));
        ApiViews views = new ApiViews(loop, registry, directory, health, actuator, clock, VERSION,
                id -> cluster.ownership().ownerNode(id).orElse(null)); // cluster (issue 6): any member's agents
        main.bind("api", views);
        main.bind("agentRegistrations", new AgentsApi(registry, views));
        main.bind("authorize", authorization);
        main.bind("apiErrors", new ErrorResponder());
        main.bind("plugins", new PluginsApi(host, loop));
        main.bind("commands", new CommandsApi(loop, persistence.audit(), clock, engineConfig.nodeId()));
        main.bind("signals", new SignalsApi(loop, directory));
        // ---- cluster (issue 6): GET /api/cluster; leave the cluster only after Camel has stopped
        main.bind("clusterApi", new ClusterApi(cluster.name(), engineConfig.nodeId(), cluster.ownership(), registry));
        PerfoptCluster member = cluster;
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStop(BaseMainSupport stopped) {
                member.leave();
            }
        });
        // ---- end cluster
        // ---- observability: gauges over the loop and fleet, health checks, beans of observe.yaml ----
        observability.watch(loop, registry, directory, health, clock, VERSION);
        observability.bindTo(main::bind, ObserveAccess.Mode.parse(settings.text("perfopt.observe.access", "local")),
                authorization);
        // cluster (issue 6): the cluster's health and size on /health and /metrics
        PartitionOwnership ownership = cluster.ownership();
        observeHooks.cluster(() -> ownership.hasQuorum()
                ? ProbeResult.up(ownership.members().size() == 1 ? "single node (a one-member cluster)"
                        : ownership.members().size() + " members").with("members", ownership.members().size())
                : ProbeResult.down("this side of the cluster has " + ownership.members().size() + " of the "
                        + ownership.minSize() + " members it needs to act")).clusterMembers(() -> ownership.members().size());
        // ---- end observability ----
        // ---- persistence (issue 5): beans of persist.yaml, outbox.yaml and sources.yaml
        persistence.bind(main);
        sources = new MetricSources(registry, ingest, health, clock, maxBody,
                settings.integer("perfopt.collect.jdbc.max-rows"));
        sources.bind(main);
        observeHooks.outboxDepth(() -> persistence.outboxBacklog().orElse(0L));
        // ---- end persistence
        String listenHost = apiHost(authorization);
        configureCamel(listenHost);
        // ---- dashboard: the page at / (routes/dashboard.yaml), its files from conf/web or the classpath ----
        var dashboard = io.perfopt.integration.dashboard.DashboardPages.from(
                home.resolve(settings.text("perfopt.dashboard.dir", "conf/web")));
        main.bind("dashboard", dashboard);
        log.info("dashboard at http://{}:{}/ (files from {})", listenHost, apiPort(), dashboard.source());
        // ---- end dashboard ----
        main.start();

        CamelContext camel = main.getCamelContext();
        persistence.start(camel); // persistence (issue 5): retry timer, outbox delivery
        collector.add(new OnCycleCollector(registry, camel.createProducerTemplate(), owned));
        PollRoutes polls = null;
        if (settings.flag("perfopt.collect.scheduled")) {
            polls = new PollRoutes(camel, owned);
            registry.addListener(polls);
        }
        // ---- cluster (issue 6): start or stop polling, and forget what was lost, as agents move
        cluster.watch(() -> registry.agents().stream().map(AgentConfig::id).toList(),
                new LocalHandover(registry, polls, loop, actuator));
        // ---- end cluster
        log.info("perfopt {} node {} started: {} agents, API on http://{}:{}/api/status{}", VERSION,
                engineConfig.nodeId(), registry.agents().size(), listenHost, apiPort(),
                authorization.enabled() ? " (bearer token required)" : "");
        return this;
    }

    private List<AgentConfig> declaredAgents() throws io.perfopt.integration.agents.ConfigException {
        String name = settings.text("perfopt.agents.file", "");
        if (name.isBlank()) {
            return List.of();
        }
        Path file = home.resolve(name);
        if (!Files.isRegularFile(file)) {
            log.info("no agents file at {}: starting with no declared agents (register them at POST /api/agents)",
                    file);
            return List.of();
        }
        return AgentsFile.withSystemEnvironment().load(file);
    }

    private void configureCamel(String host) {
        settings.describe().forEach((k, v) -> main.addInitialProperty(k, settings.text(k, "")));
        main.addInitialProperty("camel.main.name", "perfopt-" + settings.text("perfopt.node.id"));
        main.addInitialProperty("camel.main.routesIncludePattern", routesPattern());
        main.addInitialProperty("camel.main.shutdownTimeout", "10");
        main.addInitialProperty("camel.main.streamCachingEnabled", "false");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", host);
        main.addInitialProperty("camel.server.port", String.valueOf(apiPort()));
        main.addInitialProperty("camel.server.maxBodySize", settings.text("perfopt.api.max-body-bytes"));
    }

    private String routesPattern() {
        Path dir = home.resolve(settings.text("perfopt.routes.dir", "conf/routes"));
        if (Files.isDirectory(dir)) {
            return "file:" + dir.toAbsolutePath() + "/*.yaml";
        }
        return "classpath:perfopt-defaults/routes/*.yaml";
    }

    private String apiHost(ApiAuthorization authorization) {
        if (!authorization.enabled()) {
            // without a token nobody but local callers may steer perfopt
            if (!"127.0.0.1".equals(settings.text("perfopt.api.host"))) {
                log.warn("no perfopt.api.token is configured: the API listens on 127.0.0.1 only");
            }
            return "127.0.0.1";
        }
        return settings.text("perfopt.api.host");
    }

    /** The configured API port (0 picks a free one; see {@link #port()}). */
    private int apiPort() {
        return settings.integer("perfopt.api.port");
    }

    /** The plugin host; empty when plugins were given in code. */
    public java.util.Optional<PluginHost> pluginHost() {
        return java.util.Optional.ofNullable(host);
    }

    /** The running loop. */
    public OptimizationLoop loop() {
        return loop;
    }

    /** The fleet registry. */
    public AgentRegistry registry() {
        return registry;
    }

    /** Collection health per agent. */
    public CollectionHealth collection() {
        return health;
    }

    /**
     * The hooks of {@code /metrics} and {@code /health}: the outbox depth, the cluster's members,
     * whether the database and the cluster are reachable. Set them in {@link #start()} or later.
     */
    public ObserveHooks observeHooks() {
        return observeHooks;
    }

    // ---- persistence (issue 5) ----

    /** Where commands are audited (the command API records every command here). */
    public AuditLog audit() {
        return persistence.audit();
    }

    /** The database, the history and the outbox to the orchestrator (backlog, delivery state). */
    public Persistence persistence() {
        return persistence;
    }

    /** The Camel context. */
    public CamelContext camel() {
        return main.getCamelContext();
    }

    /** The port the API listens on. */
    public int port() {
        return apiPort();
    }

    @Override
    public synchronized void close() {
        if (main != null) {
            try {
                main.stop();
            } catch (Exception e) {
                log.warn("stopping Camel failed", e);
            }
        }
        if (loop != null) {
            loop.close();
        }
        if (host != null) {
            host.close();
        }
        if (cluster != null) {
            cluster.leave(); // cluster (issue 6): after Camel, so nothing polls or applies during the handover
        }
        // ---- persistence (issue 5): after Camel, whose routes write through them, and the cluster,
        // whose map stores do
        if (sources != null) {
            sources.close();
        }
        if (persistence != null) {
            persistence.close();
        }
    }

    /** This node's cluster membership (issue 6). */
    public PerfoptCluster cluster() {
        return cluster;
    }
}
