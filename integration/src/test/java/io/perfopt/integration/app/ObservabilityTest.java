package io.perfopt.integration.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsFormat;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.observe.ProbeResult;
import io.perfopt.integration.testing.CachePlugin;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.integration.testing.SimulatedFleetRun;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** perfopt's own /metrics and /health, scraped from a node optimizing the simulated fleet. */
class ObservabilityTest {

    private SimulatedFleetRun run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    private Exposition scrape() throws Exception {
        HttpResponse<String> answer = run.perfopt.anonymousGet("/metrics");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return new Exposition(answer.body());
    }

    private JsonNode health(String path, int expectedStatus) throws Exception {
        HttpResponse<String> answer = run.perfopt.anonymousGet(path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
        return Json.mapper().readTree(answer.body());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    @Test
    void metricsAfterSomeCyclesShowCyclesVerdictsIngestAndTheNode() throws Exception {
        run = new SimulatedFleetRun(Map.of(), List.of(CachePlugin.quadrupling("cache-doubler")));
        int cycles = 0;
        boolean judged = false;
        for (; cycles < 40 && !judged; cycles++) {
            judged = !run.perfopt.cycle(Duration.ofSeconds(10)).results().isEmpty();
        }
        assertThat(judged).as("a verdict within 40 cycles").isTrue();

        Exposition metrics = scrape();

        assertThat(metrics.value("perfopt_cycle_duration_seconds_count")).isEqualTo(cycles);
        // phases are timed on the monotonic clock; the cycle on the (manual) engine clock
        assertThat(metrics.value("perfopt_cycle_phase_duration_seconds_sum", "phase", "collect")).isPositive();
        assertThat(metrics.value("perfopt_cycle_duration_seconds_bucket", "le", "+Inf")).isEqualTo(cycles);
        for (String phase : List.of("collect", "judge", "detect", "forecast", "learn")) {
            assertThat(metrics.value("perfopt_cycle_phase_duration_seconds_count", "phase", phase)).as(phase)
                    .isEqualTo(cycles);
        }
        assertThat(metrics.samples.stream().filter(s -> s.name().equals("perfopt_verdicts_total"))
                .filter(s -> s.labels().get("plugin").equals("cache-doubler")).mapToDouble(Exposition.Sample::value)
                .sum()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("perfopt_changes_applied_total", "plugin", "cache-doubler")).isGreaterThanOrEqualTo(1);
        // every agent delivered samples on every cycle, and its newest is seconds old
        for (String agent : List.of("market-hunter", "market-analyzer", "intelligent-execution")) {
            assertThat(metrics.value("perfopt_ingest_samples_accepted_total", "agent", agent)).as(agent)
                    .isGreaterThan(cycles);
            assertThat(metrics.value("perfopt_collections_total", "agent", agent, "outcome", "ok")).isEqualTo(cycles);
            assertThat(metrics.value("perfopt_agent_last_sample_age_seconds", "agent", agent)).isBetween(0.0, 10.0);
        }
        assertThat(metrics.value("perfopt_agents", "freshness", "fresh")).isEqualTo(run.fleet.agents().size());
        assertThat(metrics.value("perfopt_autonomy_level")).isBetween(0.80, 0.95);
        assertThat(metrics.value("perfopt_system_score")).isBetween(0.0, 1.0);
        assertThat(metrics.value("perfopt_bottlenecks_open", "type", "response_time")).isGreaterThanOrEqualTo(0);
        assertThat(metrics.value("perfopt_outbox_depth")).isZero();
        assertThat(metrics.value("perfopt_cluster_members")).isEqualTo(1);
        assertThat(metrics.value("perfopt_info", "node", "node-1", "version", PerfoptApplication.VERSION)).isEqualTo(1);
        assertThat(metrics.value("perfopt_plugin_calls_total", "plugin", "cache-doubler")).isPositive();
        assertThat(metrics.value("perfopt_plugin_enabled", "plugin", "cache-doubler")).isEqualTo(1);
        // one registry: Camel's route metrics and the JVM's beside perfopt's
        assertThat(metrics.has("camel_exchanges_")).as("Camel route metrics").isTrue();
        assertThat(metrics.has("jvm_memory_used_bytes")).as("JVM metrics").isTrue();
        assertThat(metrics.types.get("perfopt_cycle_duration_seconds")).isEqualTo("histogram");
        assertThat(metrics.types.get("perfopt_ingest_samples_accepted_total")).isEqualTo("counter");
    }

    @Test
    void rejectedDocumentsAreCountedByAgentAndReason() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + FreePort.pick() + "/metrics");
        run = new SimulatedFleetRun(Map.of(), List.of(), false);
        run.perfopt.perfopt.registry().register(AgentConfig.of("gone", new MetricsSource(MetricsFormat.JSON, closed,
                Duration.ofSeconds(5), Duration.ofSeconds(1), null, null)));
        try (MisbehavingAgent nan = new MisbehavingAgent("nan", MisbehavingAgent.Mode.NAN)) {
            run.perfopt.perfopt.registry().register(AgentConfig.of("nan", new MetricsSource(MetricsFormat.JSON,
                    nan.metricsUri(), Duration.ofSeconds(5), Duration.ofSeconds(1), null, null)));
            run.perfopt.cycle(Duration.ofSeconds(10));
            run.perfopt.cycle(Duration.ofSeconds(10));

            Exposition metrics = scrape();

            assertThat(metrics.value("perfopt_ingest_rejected_total", "agent", "gone", "reason", "unreachable"))
                    .isEqualTo(2);
            assertThat(metrics.value("perfopt_collections_total", "agent", "gone", "outcome", "failed")).isEqualTo(2);
            assertThat(metrics.value("perfopt_ingest_rejected_total", "agent", "nan", "reason", "invalid-value"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(metrics.value("perfopt_agents", "freshness", "never_seen")).isEqualTo(1);
            assertThat(metrics.value("perfopt_agent_last_sample_age_seconds", "agent", "gone")).isNaN();
        }

        run.perfopt.perfopt.registry().deregister("gone");
        assertThat(scrape().find("perfopt_ingest_rejected_total", "agent", "gone")).as("series of a removed agent")
                .isEmpty();
    }

    @Test
    void healthIsUpWhileTheNodeRunsWithEveryCheckListed() throws Exception {
        run = new SimulatedFleetRun(Map.of(), List.of());
        run.perfopt.cycle(Duration.ofSeconds(10));

        JsonNode health = health("/health", 200);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("live").asText()).isEqualTo("UP");
        assertThat(health.get("ready").asText()).isEqualTo("UP");
        assertThat(check(health, "context").get("status").asText()).isEqualTo("UP");
        assertThat(check(health, "route:api-status").get("status").asText()).isEqualTo("UP");
        JsonNode database = check(health, "perfopt-database");
        assertThat(database.get("status").asText()).isEqualTo("UP");
        assertThat(database.get("details").get("skipped").asBoolean()).isTrue();
        assertThat(database.get("liveness").asBoolean()).isFalse();
        assertThat(check(health, "perfopt-cluster").get("message").asText()).contains("single node");
        assertThat(check(health, "perfopt-collection").get("message").asText()).contains("5 of 5 agents");
        assertThat(health("/health/live", 200).get("status").asText()).isEqualTo("UP");
        assertThat(health("/health/ready", 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aDatabaseReportedDownMakesTheNodeUnreadyButAlive() throws Exception {
        run = new SimulatedFleetRun(Map.of(), List.of());
        run.perfopt.cycle(Duration.ofSeconds(10));

        run.perfopt.perfopt.observeHooks().database(() -> ProbeResult.down("connection refused by db:5432"));

        JsonNode health = health("/health", 503);
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.get("live").asText()).isEqualTo("UP");
        assertThat(health.get("ready").asText()).isEqualTo("DOWN");
        assertThat(check(health, "perfopt-database").get("message").asText()).contains("connection refused");
        assertThat(health("/health/ready", 503).get("status").asText()).isEqualTo("DOWN");
        assertThat(health("/health/live", 200).get("status").asText()).isEqualTo("UP");

        run.perfopt.perfopt.observeHooks().database(() -> ProbeResult.up("answers in 2 ms").with("url", "jdbc:h2:mem"));
        JsonNode recovered = health("/health/ready", 200);
        assertThat(check(recovered, "perfopt-database").get("details").get("url").asText()).isEqualTo("jdbc:h2:mem");
    }

    @Test
    void aProbeThatThrowsIsDownWithTheReason() throws Exception {
        run = new SimulatedFleetRun(Map.of(), List.of());
        run.perfopt.perfopt.observeHooks().cluster(() -> {
            throw new IllegalStateException("not joined: no member answered");
        });

        JsonNode cluster = check(health("/health/ready", 503), "perfopt-cluster");

        assertThat(cluster.get("status").asText()).isEqualTo("DOWN");
        assertThat(cluster.get("message").asText()).contains("not joined: no member answered");
    }

    @Test
    void aNodeThatHearsFromNoAgentIsNotReady() throws Exception {
        run = new SimulatedFleetRun(Map.of(), List.of());
        run.perfopt.cycle(Duration.ofSeconds(10));

        // two minutes pass without a single collection (stale-after is 60 s in the harness)
        run.clock.advance(Duration.ofMinutes(2));

        JsonNode collection = check(health("/health/ready", 503), "perfopt-collection");
        assertThat(collection.get("message").asText()).contains("no agent delivered metrics within 60 s");
        assertThat(collection.get("details").get("quiet")).hasSize(5);

        run.perfopt.cycle(Duration.ofSeconds(1));
        assertThat(health("/health/ready", 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void withAccessTokenTheEndpointsAskForTheApiToken() throws Exception {
        run = new SimulatedFleetRun(Map.of("perfopt.api.token", "secret", "perfopt.observe.access", "token"), List.of());

        assertThat(run.perfopt.anonymousGet("/metrics").statusCode()).isEqualTo(401);
        assertThat(run.perfopt.anonymousGet("/health").statusCode()).isEqualTo(401);
        assertThat(run.perfopt.get("/metrics").statusCode()).isEqualTo(200);
        assertThat(run.perfopt.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void locallyTheEndpointsAreOpenButNotThroughAProxy() throws Exception {
        run = new SimulatedFleetRun(Map.of("perfopt.api.token", "secret"), List.of());

        assertThat(run.perfopt.anonymousGet("/metrics").statusCode()).isEqualTo(200);
        assertThat(run.perfopt.anonymousGet("/health/live").statusCode()).isEqualTo(200);
        assertThat(run.perfopt.anonymousGet("/api/status").statusCode()).as("the API itself").isEqualTo(401);
        var forwarded = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + run.perfopt.port() + "/metrics"))
                .header("X-Forwarded-For", "203.0.113.7").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forwarded.statusCode()).isEqualTo(401);
    }
}
