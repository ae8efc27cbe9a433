package io.perfopt.integration.observe;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.fleet.AgentDirectory;
import io.perfopt.engine.report.ReportSink;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.api.ApiAuthorization;
import io.perfopt.integration.collect.CollectionHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * perfopt's own observability, assembled: one Prometheus meter registry for perfopt's meters and
 * Camel's (Camel Main finds it under the name {@value #REGISTRY_BEAN}), the cycle meters fed by
 * every report, gauges over the loop and the fleet, the health checks, and the beans the routes
 * of {@code observe.yaml} call. The application creates it before the loop (the cycle meters are
 * a report sink), {@link #watch watches} the loop once it exists, and binds the beans.
 *
 * <pre>
 *   Observability observability = new Observability(hooks);
 *   loopBuilder.sink(observability.cycleMeters());
 *   ... loop = loopBuilder.build();
 *   observability.watch(loop, registry, directory, collection, clock, VERSION);
 *   observability.bindTo(main::bind, access, authorization);
 * </pre>
 */
public final class Observability {

    /** The name Camel's metrics service looks the meter registry up by. */
    public static final String REGISTRY_BEAN = "metricsRegistry";

    private final ObserveHooks hooks;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CycleMeters cycleMeters = new CycleMeters(registry);
    private FleetMeters fleet;
    private RecentCollectionCheck collectionCheck;

    public Observability(ObserveHooks hooks) {
        this.hooks = hooks;
    }

    /** The report sink that turns cycle reports into meters. */
    public ReportSink cycleMeters() {
        return cycleMeters;
    }

    /** The node's one meter registry. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Starts the gauges over the loop and the fleet.
     *
     * @param directory which agents this node optimizes (the collection check expects to hear from those)
     * @param version   perfopt's version, in {@code perfopt_info}
     */
    public void watch(OptimizationLoop loop, AgentRegistry agents, AgentDirectory directory,
                      CollectionHealth collection, Clock clock, String version) {
        EngineGauges.register(registry, loop, cycleMeters::last, hooks, version);
        fleet = new FleetMeters(registry, agents, collection, loop, clock);
        Duration maxAge = loop.config().staleAfter();
        collectionCheck = new RecentCollectionCheck(agents, directory, collection, clock, maxAge);
    }

    /**
     * Binds the registry, the health checks (Camel's health check registry picks them up from
     * the bean registry) and the beans of {@code observe.yaml}: {@code observeMetrics},
     * {@code observeHealth} and {@code observeAccess}.
     */
    public void bindTo(BiConsumer<String, Object> bind, ObserveAccess.Mode access, ApiAuthorization authorization) {
        if (fleet == null) {
            throw new IllegalStateException("watch(...) the loop before binding the observability beans");
        }
        bind.accept(REGISTRY_BEAN, registry);
        bind.accept("observeMetrics", new MetricsEndpoint(registry, fleet::refresh));
        bind.accept("observeHealth", new HealthEndpoint());
        bind.accept("observeAccess", new ObserveAccess(access, authorization));
        bind.accept("perfopt-database", new ProbeCheck("perfopt-database", hooks::database,
                "no database configured"));
        bind.accept("perfopt-cluster", new ProbeCheck("perfopt-cluster", hooks::cluster,
                "single node: its own one-member cluster"));
        bind.accept("perfopt-collection", collectionCheck);
    }
}
