package io.perfopt.integration.persist;

import io.perfopt.engine.report.ReportSink;
import io.perfopt.engine.window.MetricStore;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.integration.report.DeliveryBackoff;
import io.perfopt.integration.report.OrchestratorHttpClient;
import io.perfopt.integration.report.OrchestratorSettings;
import io.perfopt.integration.report.OutboxDelivery;
import io.perfopt.integration.report.OutboxSink;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything perfopt keeps in its database, as the application wires it: the database itself,
 * the history sink, the outbox and its delivery to the orchestrator, the command audit log, and
 * the beans and routes they work through ({@code routes/persist.yaml}, {@code routes/outbox.yaml}).
 *
 * <p>Lifecycle: {@link #open} before the loop is built (its sinks go into the loop),
 * {@link #bind} before Camel starts, {@link #start} once it runs, {@link #close} after it stopped.
 */
public final class Persistence implements AutoCloseable {

    /** Bean names the routes use. */
    public static final String DATA_SOURCE = "perfoptDataSource";
    public static final String TRANSACTION = "perfoptTransaction";

    private static final Logger log = LoggerFactory.getLogger(Persistence.class);

    private final Database database;
    private final RouteCall routes = new RouteCall();
    private final HistoryWriter history;
    private final JdbcAuditLog audit;
    private final OrchestratorSettings orchestrator;
    private final OutboxSink outbox;
    private final OutboxDelivery delivery;
    private final long retryIntervalMs;

    private Persistence(PerfoptSettings settings, Database database, Clock clock, Supplier<MetricStore> metrics) {
        this.database = database;
        int capacity = settings.integer("perfopt.db.retry-buffer");
        this.retryIntervalMs = settings.duration("perfopt.db.retry-interval").toMillis();
        this.history = new HistoryWriter(new CycleRows(settings.flag("perfopt.judge.keep-no-effect")),
                new MetricSnapshots(metrics, settings.duration("perfopt.detection.window")), routes, capacity);
        this.audit = new JdbcAuditLog(routes, capacity);
        this.orchestrator = OrchestratorSettings.from(settings);
        String nodeId = settings.text("perfopt.node.id");
        if (orchestrator.enabled()) {
            outbox = new OutboxSink(nodeId, clock, routes, capacity);
            // the backoff waits on real time: the orchestrator recovers on the wall clock
            delivery = new OutboxDelivery(nodeId, orchestrator.token(), new DeliveryBackoff(
                    orchestrator.backoffInitial(), orchestrator.backoffMax(), Clock.systemUTC()), clock);
        } else {
            outbox = null;
            delivery = null;
        }
    }

    /**
     * Opens the database ({@code perfopt.db.*}) and prepares the writers; throws
     * {@link DatabaseException} naming the database when it cannot be reached or migrated.
     *
     * @param metrics the engine's metric windows, for the snapshots stored with each cycle
     */
    public static Persistence open(PerfoptSettings settings, Path home, Clock clock, Supplier<MetricStore> metrics) {
        Database database = Database.open(DatabaseSettings.from(settings, home));
        try {
            return new Persistence(settings, database, clock, metrics);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The report sinks for the loop: the history, and the outbox when an orchestrator is configured. */
    public List<ReportSink> sinks() {
        List<ReportSink> sinks = new ArrayList<>(2);
        sinks.add(history);
        if (outbox != null) {
            sinks.add(outbox);
        }
        return sinks;
    }

    /** Binds the beans the persistence routes call by name. */
    public void bind(Main main) {
        main.bind(DATA_SOURCE, database.dataSource());
        main.bind(TRANSACTION, database.transactionPolicy());
        main.bind("history", new HistoryQuery());
        main.bind("persistence", this);
        if (delivery != null) {
            main.bind("outboxDelivery", delivery);
            main.bind("orchestratorHttp", new OrchestratorHttpClient());
        }
    }

    /** Starts writing through the routes, the retry timer and, when configured, delivery. */
    public void start(CamelContext camel) throws Exception {
        routes.attach(camel);
        TemplatedRouteBuilder.builder(camel, "persist-retry").routeId("persist-retry")
                .parameter("periodMs", String.valueOf(retryIntervalMs)).add();
        if (delivery != null) {
            TemplatedRouteBuilder.builder(camel, "outbox-delivery").routeId("outbox-delivery")
                    .parameter("url", orchestrator.url().toString())
                    .parameter("periodMs", String.valueOf(orchestrator.pollInterval().toMillis()))
                    .parameter("batch", String.valueOf(orchestrator.batch()))
                    .parameter("connectTimeoutMs", String.valueOf(orchestrator.connectTimeout().toMillis()))
                    .parameter("timeoutMs", String.valueOf(orchestrator.timeout().toMillis()))
                    .add();
            log.info("cycle reports go to the orchestrator at {} through the outbox ({} waiting)", orchestrator.url(),
                    outbox.backlog());
        }
        flush();
    }

    /** Retries every write still waiting for the database (the {@code persist-retry} route's bean). */
    public void flush() {
        history.flush();
        audit.flush();
        if (outbox != null) {
            outbox.flush();
        }
    }

    /** The command audit log. */
    public AuditLog audit() {
        return audit;
    }

    /** Reports not yet delivered to the orchestrator; empty when no orchestrator is configured. */
    public Optional<Long> outboxBacklog() {
        return outbox == null ? Optional.empty() : Optional.of(outbox.backlog());
    }

    /** The history writer, for its counts. */
    public HistoryWriter history() {
        return history;
    }

    /** The delivery to the orchestrator; empty when none is configured. */
    public Optional<OutboxDelivery> delivery() {
        return Optional.ofNullable(delivery);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        routes.detach();
        int lost = history.stats().pending() + audit.stats().pending() + (outbox == null ? 0 : outbox.stats().pending());
        if (lost > 0) {
            log.error("{} report(s) or audit entries never reached the database and are lost at shutdown "
                    + "(history {}, audit {}, outbox {})", lost, history.stats().pending(), audit.stats().pending(),
                    outbox == null ? 0 : outbox.stats().pending());
        }
        database.close();
    }
}
