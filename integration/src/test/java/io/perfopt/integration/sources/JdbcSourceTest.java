package io.perfopt.integration.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Severity;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.collect.AgentCollection;
import io.perfopt.integration.persist.Postgres;
import io.perfopt.integration.persist.RunningPerfopt;
import io.perfopt.integration.testing.FreePort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jdbc agent against the real PostgreSQL: a decisions log written by an agent, queried by
 * perfopt, whose slow and failing decisions reach detection as bottlenecks. Skipped with a
 * message when PostgreSQL cannot be reached, failed under {@code PERFOPT_REQUIRE_POSTGRES=1}.
 */
class JdbcSourceTest {

    private static final String QUERY = "select latency_ms as \"responseTimeMs\", "
            + "case when ok then 1.0 else 0.0 end as \"successRate\" "
            + "from decisions where ts > now() - interval '10 minutes'";

    @TempDir
    Path home;

    private String schema;
    private RunningPerfopt perfopt;

    @BeforeEach
    void decisionsLog() {
        Postgres.require();
        schema = Postgres.createSchema();
        Postgres.execute("create table " + schema + ".decisions (ts timestamp with time zone not null default now(), "
                + "agent varchar(64) not null, latency_ms double precision, ok boolean not null, note text)");
        // 60 decisions of the last seconds: p95 latency near 3.4 s, 40 % succeeded
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder insert = new StringBuilder("insert into " + schema + ".decisions (agent, latency_ms, ok, note) "
                + "values ");
        for (int i = 0; i < 60; i++) {
            insert.append(i == 0 ? "" : ", ").append("('decider', ").append(2500 + random.nextInt(1000)).append(", ")
                    .append(i % 5 < 2).append(", 'fine')");
        }
        Postgres.execute(insert.toString());
    }

    @AfterEach
    void drop() {
        if (perfopt != null) {
            perfopt.close();
        }
        if (schema != null) {
            Postgres.dropSchema(schema);
        }
    }

    private String url() {
        return Postgres.URL + (Postgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private AgentConfig agent(String id, String query) {
        return AgentConfig.of(id, MetricsSource.jdbc(url(), Postgres.USER, Postgres.PASSWORD, query));
    }

    @Test
    void aDecisionsLogOfSlowAndFailingDecisionsRaisesResponseTimeAndSuccessRateBottlenecks() throws Exception {
        perfopt = new RunningPerfopt(ManualClock.startingAtEpochOf2026(), home, Map.of(), List.of(),
                List.of(agent("decider", QUERY)));

        List<Bottleneck> raised = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            raised.addAll(perfopt.cycle(Duration.ofSeconds(10)).bottlenecks());
        }

        assertThat(raised).filteredOn(b -> b.component().equals("decider")).extracting(Bottleneck::type)
                .contains(BottleneckType.RESPONSE_TIME, BottleneckType.SUCCESS_RATE);
        Bottleneck success = raised.stream().filter(b -> b.type() == BottleneckType.SUCCESS_RATE).findFirst()
                .orElseThrow();
        assertThat(success.severity()).as("40 % success is below the critical 50 %").isEqualTo(Severity.CRITICAL);
        AgentCollection collection = perfopt.app.collection().of("decider");
        assertThat(collection.polls()).isEqualTo(3);
        assertThat(collection.samplesAccepted()).as("one sample per row and column").isEqualTo(3 * 60 * 2);
        assertThat(collection.samplesRejected()).isZero();
    }

    @Test
    void refusesValuesThatAreNotNumbersOneByOneAndCountsThem() throws Exception {
        Postgres.execute("update " + schema + ".decisions set latency_ms = 'NaN' where note = 'fine' and ctid in "
                + "(select ctid from " + schema + ".decisions limit 1)");
        perfopt = new RunningPerfopt(ManualClock.startingAtEpochOf2026(), home, Map.of(), List.of(),
                List.of(agent("decider", "select latency_ms as \"responseTimeMs\", note as \"successRate\" "
                        + "from decisions order by latency_ms")));

        perfopt.cycle(Duration.ofSeconds(10));

        AgentCollection collection = perfopt.app.collection().of("decider");
        assertThat(collection.failures()).isZero();
        assertThat(collection.samplesAccepted()).as("59 latencies").isEqualTo(59);
        assertThat(collection.samplesRejected()).as("60 notes and one NaN latency").isEqualTo(61);
        assertThat(collection.problems()).containsEntry("invalid-value", 61L);
        assertThat(collection.lastError()).isEqualTo("metric responseTimeMs of agent decider must be a finite "
                + "number, got NaN");
    }

    @Test
    void aQueryThatFailsOrADatabaseThatIsDownIsACollectionFailureOfItsAgentOnly() throws Exception {
        AgentConfig down = AgentConfig.of("unreachable", MetricsSource.jdbc(
                Postgres.urlOnPort(FreePort.pick()), Postgres.USER, Postgres.PASSWORD, QUERY));
        perfopt = new RunningPerfopt(ManualClock.startingAtEpochOf2026(), home, Map.of(), List.of(),
                List.of(agent("decider", QUERY), agent("typo", "select latency from decisionz"), down));

        perfopt.cycle(Duration.ofSeconds(10));

        assertThat(perfopt.app.collection().of("decider").samplesAccepted()).isEqualTo(120);
        AgentCollection typo = perfopt.app.collection().of("typo");
        assertThat(typo.problems()).containsEntry("query-error", 1L);
        assertThat(typo.lastError()).startsWith("agent typo: query against jdbc:postgresql:").contains("decisionz");
        AgentCollection unreachable = perfopt.app.collection().of("unreachable");
        assertThat(unreachable.problems()).containsEntry("unreachable", 1L);
    }
}
