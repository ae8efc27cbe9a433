package io.perfopt.integration.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.testing.CachePlugin;
import io.perfopt.integration.testing.SimulatedFleetRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orchestrator steers perfopt: commands, approvals and signals over the authenticated API. */
class CommandsAndSignalsTest {


    private SimulatedFleetRun run;

    @BeforeEach
    void start() throws Exception {
        run = new SimulatedFleetRun(Map.of("perfopt.api.token", "orchestrator-token"), List.of(CachePlugin.risky("risky-cache")));
    }

    @AfterEach
    void stop() {
        run.close();
    }

    private JsonNode command(String json, int expectedStatus) throws Exception {
        var answer = run.perfopt.post("/api/commands", json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
        return Json.mapper().readTree(answer.body());
    }

    @Test
    void unknownAndMalformedCommandsAreBadRequestsWithTheReason() throws Exception {
        assertThat(command("{\"command\": \"self-destruct\"}", 400).get("error").asText())
                .contains("unknown command self-destruct").contains("optimize-now");
        assertThat(command("{\"command\": ", 400).get("error").asText()).contains("malformed JSON");
        assertThat(command("{\"command\": \"focus-agent\"}", 400).get("error").asText())
                .contains("field agentId is required");
        assertThat(command("{\"command\": \"pause\", \"force\": true}", 400).get("error").asText())
                .contains("takes no field force");
    }

    @Test
    void unauthenticatedCommandsAreRefused() throws Exception {
        var anonymous = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + run.perfopt.port() + "/api/commands"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"command\": \"pause\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(run.perfopt.perfopt.loop().status().paused()).isFalse();
    }

    @Test
    void pauseAndResumeShowInTheStatus() throws Exception {
        command("{\"command\": \"pause\"}", 200);
        assertThat(Json.mapper().readTree(run.perfopt.get("/api/status").body()).get("paused").asBoolean()).isTrue();

        command("{\"command\": \"resume\"}", 200);
        assertThat(Json.mapper().readTree(run.perfopt.get("/api/status").body()).get("paused").asBoolean()).isFalse();
    }

    @Test
    void aRiskyStrategyIsListedApprovedAndThenApplied() throws Exception {
        run.perfopt.cycle(Duration.ofSeconds(10));
        run.perfopt.cycle(Duration.ofSeconds(10));
        JsonNode approvals = Json.mapper().readTree(run.perfopt.get("/api/approvals").body());
        JsonNode waiting = null;
        for (JsonNode a : approvals) {
            if (a.get("agentId").asText().equals("market-hunter")) {
                waiting = a;
            }
        }
        assertThat(waiting).as("market-hunter's risky change waits: " + approvals).isNotNull();
        assertThat(waiting.get("risk").asDouble()).isGreaterThan(waiting.get("maxUnattendedRisk").asDouble());
        assertThat(run.fleet.agent("market-hunter").knob("cache.size").value()).isEqualTo(100);

        JsonNode approved = command("{\"command\": \"approve\", \"strategyId\": \"" + waiting.get("id").asText() + "\"}",
                200);
        // an approved change runs once its agent has a whole baseline window (60 s) observed
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < 6 && applied.isEmpty(); i++) {
            applied.addAll(run.perfopt.cycle(Duration.ofSeconds(10)).applied());
        }

        assertThat(approved.get("message").asText()).contains("approved");
        assertThat(applied).containsExactly(waiting.get("id").asText());
        assertThat(run.fleet.agent("market-hunter").knob("cache.size").value()).isEqualTo(4000);
    }

    @Test
    void approvingWhatDoesNotWaitIsAConflict() throws Exception {
        assertThat(command("{\"command\": \"approve\", \"strategyId\": \"nope\"}", 409).get("error").asText())
                .contains("no strategy nope waits for approval");
    }

    @Test
    void optimizeNowRunsACycleAtOnce() throws Exception {
        int before = run.perfopt.reports.size();

        JsonNode answer = command("{\"command\": \"optimize-now\"}", 200);

        assertThat(run.perfopt.reports).hasSize(before + 1);
        assertThat(answer.get("message").asText()).startsWith("cycle ");
    }

    @Test
    void anAlertNamingAnAgentTriggersItsEvaluation() throws Exception {
        run.perfopt.cycle(Duration.ofSeconds(10));
        int before = run.perfopt.reports.size();

        var answer = run.perfopt.post("/api/signals",
                "{\"type\": \"performance-alert\", \"agentId\": \"market-hunter\", \"message\": \"p99 over SLO\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(answer.body()).get("evaluated").toString()).contains("market-hunter");
        assertThat(run.perfopt.reports).hasSize(before + 1);
        assertThat(run.perfopt.reports.get(before).agents()).containsExactly("market-hunter");
    }

    @Test
    void anAlertmanagerResourceAlertMakesThePlansSaveResources() throws Exception {
        String webhook = """
                {"version": "4", "status": "firing", "receiver": "perfopt", "alerts": [
                  {"status": "firing", "labels": {"alertname": "HighMemoryUsage", "agent": "market-analyzer",
                   "severity": "warning"}, "annotations": {"summary": "memory above 90%"}},
                  {"status": "resolved", "labels": {"alertname": "HighLatency", "agent": "market-hunter"}},
                  {"status": "firing", "labels": {"alertname": "HighLatency", "agent": "elsewhere"}}]}""";

        JsonNode answer = Json.mapper().readTree(run.perfopt.post("/api/signals", webhook).body());

        assertThat(answer.get("resourceSaving").toString()).contains("market-analyzer");
        assertThat(answer.get("ignoredResolved").asInt()).isEqualTo(1);
        assertThat(answer.get("notOptimizedHere").toString()).contains("elsewhere");
        assertThat(run.perfopt.perfopt.loop().status().control()).contains("reducing resources on market-analyzer");
    }

    @Test
    void aMalformedSignalIsABadRequest() throws Exception {
        var answer = run.perfopt.post("/api/signals", "{\"type\": \"earthquake\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("unknown signal type earthquake");
    }
}
