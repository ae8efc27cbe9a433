package io.perfopt.integration.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.persist.CycleKey;
import io.perfopt.integration.persist.RunningPerfopt;
import io.perfopt.integration.testing.CachePlugin;
import io.perfopt.integration.testing.FleetAgents;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.simulator.SimulatedFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery of cycle reports to the orchestrator through the outbox, on perfopt's default H2 file
 * database: reports made while the orchestrator is down survive a restart of perfopt and reach
 * the orchestrator once it is back, every one exactly once and in order.
 */
class OrchestratorDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private final FakeOrchestrator orchestrator = new FakeOrchestrator(FreePort.pick());
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        orchestrator.close();
    }

    private RunningPerfopt perfopt(Instant start) throws Exception {
        return perfopt(start, Map.of());
    }

    private RunningPerfopt perfopt(Instant start, Map<String, String> overrides) throws Exception {
        ManualClock clock = new ManualClock(start);
        SimulatedFleet fleet = SimulatedFleet.demo(clock, 42);
        open.add(fleet);
        fleet.start(0);
        // the default database URL, jdbc:h2:file:./data/perfopt, under this test's perfopt home
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "perfopt.db.url", "jdbc:h2:file:./data/perfopt",
                "perfopt.orchestrator.url", orchestrator.url().toString(),
                "perfopt.orchestrator.token", "orchestrator-secret",
                "perfopt.orchestrator.poll-interval", "100ms",
                "perfopt.orchestrator.backoff.initial", "100ms",
                "perfopt.orchestrator.backoff.max", "400ms"));
        settings.putAll(overrides);
        RunningPerfopt perfopt = new RunningPerfopt(clock, home, settings, List.of(CachePlugin.quadrupling("quadruple-cache")),
                FleetAgents.json(fleet));
        open.add(perfopt);
        return perfopt;
    }

    @Test
    void reportsMadeWhileTheOrchestratorIsDownReachItAfterARestartOnceEachAndInOrder() throws Exception {
        // the orchestrator is not running: every attempt is refused
        RunningPerfopt first = perfopt(Instant.parse("2026-01-01T00:00:00Z"));
        List<CycleReport> made = new ArrayList<>();
        made.add(first.cycle(Duration.ofSeconds(10)));
        made.add(first.cycle(Duration.ofSeconds(10)));
        OutboxDelivery delivery = first.app.persistence().delivery().orElseThrow();
        await().atMost(PATIENCE).until(() -> delivery.failuresInARow() >= 1);
        assertThat(delivery.lastError()).contains("Connection refused");

        // it runs but answers 503: attempts arrive, none is taken
        orchestrator.start(503);
        made.add(first.cycle(Duration.ofSeconds(10)));
        made.add(first.cycle(Duration.ofSeconds(10)));
        await().atMost(PATIENCE).until(() -> orchestrator.received().size() >= 2);
        assertThat(orchestrator.accepted()).isEmpty();
        assertThat(delivery.lastError()).contains("503");
        assertThat(first.app.persistence().outboxBacklog()).contains(4L);
        first.close();
        assertThat(home.resolve("data/perfopt.mv.db")).exists();

        // it is back, and perfopt starts again on the same database
        orchestrator.answer(200);
        RunningPerfopt second = perfopt(Instant.parse("2026-01-01T01:00:00Z"));
        await().atMost(PATIENCE).until(() -> orchestrator.accepted().size() >= 4);
        made.add(second.cycle(Duration.ofSeconds(10)));
        await().atMost(PATIENCE).until(() -> second.app.persistence().outboxBacklog().orElseThrow() == 0);

        List<FakeOrchestrator.Received> accepted = orchestrator.accepted();
        assertThat(accepted).extracting(FakeOrchestrator.Received::idempotencyKey)
                .as("every report exactly once, in the order made")
                .containsExactlyElementsOf(made.stream().map(CycleKey::of).toList());
        // the cycle counter starts again after the restart; the key tells the runs apart
        assertThat(accepted).extracting(FakeOrchestrator.Received::cycleHeader).containsExactly(1L, 2L, 3L, 4L, 1L);
        assertThat(accepted).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer orchestrator-secret");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.report().get("cycle").asLong()).isEqualTo(r.cycleHeader());
        });
        assertThat(accepted.get(3).report().get("startedAt").asText()).isEqualTo(made.get(3).startedAt().toString());
        assertThat(second.sql().queryForObject("select count(*) from outbox where delivered_at is null", Long.class))
                .isZero();
        assertThat(Files.size(home.resolve("data/perfopt.mv.db"))).isPositive();
    }

    @Test
    void aReportThatFailsHoldsBackTheReportsBehindItUntilItIsDelivered() throws Exception {
        RunningPerfopt perfopt = perfopt(Instant.parse("2026-01-01T00:00:00Z"));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(CycleKey.of(perfopt.cycle(Duration.ofSeconds(10))));
        }
        OutboxDelivery delivery = perfopt.app.persistence().delivery().orElseThrow();
        await().atMost(PATIENCE).until(() -> delivery.failuresInARow() >= 1);

        // all three wait in the outbox; the second meets a hiccup on its first attempt
        orchestrator.failOnce(made.get(1));
        orchestrator.start(200);
        await().atMost(PATIENCE).until(() -> orchestrator.accepted().size() >= 3);

        assertThat(orchestrator.received()).extracting(r -> r.idempotencyKey() + " " + r.answeredWith())
                .containsExactly(made.get(0) + " 200", made.get(1) + " 503", made.get(1) + " 200",
                        made.get(2) + " 200");
    }

    @Test
    void anOrchestratorThatNeverAnswersCostsATimeoutNotAStuckDelivery() throws Exception {
        orchestrator.start(200);
        orchestrator.hang();
        RunningPerfopt perfopt = perfopt(Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("perfopt.orchestrator.timeout", "500ms"));
        perfopt.cycle(Duration.ofSeconds(10));
        OutboxDelivery delivery = perfopt.app.persistence().delivery().orElseThrow();

        await().atMost(PATIENCE).until(() -> delivery.failuresInARow() >= 2);
        assertThat(delivery.lastError()).containsIgnoringCase("timed out");
        assertThat(perfopt.app.persistence().outboxBacklog()).contains(1L);
    }

    @Test
    void deliversEveryReportOnceWhenTheOrchestratorIsUp() throws Exception {
        orchestrator.start(200);
        RunningPerfopt perfopt = perfopt(Instant.parse("2026-01-01T00:00:00Z"));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            made.add(CycleKey.of(perfopt.cycle(Duration.ofSeconds(10))));
        }

        await().atMost(PATIENCE).until(() -> orchestrator.accepted().size() >= made.size());
        assertThat(orchestrator.received()).extracting(FakeOrchestrator.Received::idempotencyKey)
                .containsExactlyElementsOf(made);
        assertThat(perfopt.app.persistence().outboxBacklog()).contains(0L);
        assertThat(perfopt.app.persistence().delivery().orElseThrow().delivered()).isEqualTo(made.size());
    }
}
