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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
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

    private Main main;
    private OptimizationLoop loop;
    private AgentRegistry registry;
    private CollectionHealth health;
    // every command is audited; the database audit log replaces this one when a database is configured
    private final java.util.function.Consumer<CommandsApi.CommandAuditEntry> audit = entry ->
            LoggerFactory.getLogger("io.perfopt.audit").info("command {} from {}: {} — {}", entry.command(),
                    entry.caller(), entry.accepted() ? "done" : "refused", entry.message());
    private PluginHost host;

    PerfoptApplication(PerfoptApplicationBuilder b) {
        this.settings = b.settings;
        this.home = b.home;
        this.clock = b.clock;
        this.sinks = List.copyOf(b.sinks);
        this.plugins = b.plugins;
        this.extraAgents = List.copyOf(b.agents);
    }

    public static PerfoptApplicationBuilder builder() {
        return new PerfoptApplicationBuilder();
    }

    /** Starts everything and returns once the API answers. */
    public synchronized PerfoptApplication start() throws Exception {
        EngineConfig engineConfig = settings.engineConfig();
        registry = new AgentRegistry(declaredAgents());
        extraAgents.forEach(a -> {
            var problems = registry.register(a);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("agent " + a.id() + ": " + problems);
            }
        });
        Predicate<String> owned = id -> true;
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
        sinks.forEach(builder::sink);
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
        MetricsIngest ingest = new MetricsIngest(registry, (agentId, samples) -> loop.metrics().recordAll(samples),
                health, clock, maxBody, settings.longValue("perfopt.api.max-body-bytes"));
        ApiAuthorization authorization = new ApiAuthorization(settings.text("perfopt.api.token", ""));
        main.bind("ingest", ingest);
        main.bind("cycles", new CycleRunner(loop));
        ApiViews views = new ApiViews(loop, registry, directory, health, actuator, clock, VERSION);
        main.bind("api", views);
        main.bind("agentRegistrations", new AgentsApi(registry, views));
        main.bind("authorize", authorization);
        main.bind("apiErrors", new ErrorResponder());
        main.bind("plugins", new PluginsApi(host, loop));
        main.bind("commands", new CommandsApi(loop, audit, clock));
        main.bind("signals", new SignalsApi(loop, directory));
        String host = apiHost(authorization);
        configureCamel(host);
        main.start();

        CamelContext camel = main.getCamelContext();
        collector.add(new OnCycleCollector(registry, camel.createProducerTemplate(), owned));
        if (settings.flag("perfopt.collect.scheduled")) {
            registry.addListener(new PollRoutes(camel, owned));
        }
        log.info("perfopt {} node {} started: {} agents, API on http://{}:{}/api/status{}", VERSION,
                engineConfig.nodeId(), registry.agents().size(), host, apiPort(),
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
    }
}
