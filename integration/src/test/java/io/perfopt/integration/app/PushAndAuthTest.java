package io.perfopt.integration.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.testing.PerfoptHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents that push their metrics, and an API that wants its token. */
class PushAndAuthTest {

    private PerfoptHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new PerfoptHarness(ManualClock.startingAtEpochOf2026(),
                Map.of("perfopt.api.token", "s3cret", "perfopt.api.max-body-bytes", "65536"), List.of(),
                List.of(AgentConfig.of("pusher", MetricsSource.push())));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String doc(String agent, String metrics) {
        return "{\"agentId\": \"" + agent + "\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"metrics\": " + metrics + "}";
    }

    @Test
    void aPushedBatchReachesTheWindows() throws Exception {
        var answer = harness.post("/api/metrics", "[" + doc("pusher", "{\"responseTimeMs\": 2500, \"successRate\": 0.62}")
                + "," + doc("pusher", "{\"responseTimeMs\": 2700}") + "]");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(answer.body());
        assertThat(body.at("/accepted/pusher").asInt()).isEqualTo(3);
        assertThat(harness.perfopt.loop().metrics().view("pusher").summary("responseTimeMs").orElseThrow().count())
                .isEqualTo(2);
    }

    @Test
    void documentsOfUnknownAgentsAndBadValuesAreRefusedOneByOne() throws Exception {
        var answer = harness.post("/api/metrics", "[" + doc("pusher", "{\"responseTimeMs\": 2500, \"successRate\": 7}")
                + "," + doc("stranger", "{\"responseTimeMs\": 1}") + "]");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(answer.body());
        assertThat(body.at("/accepted/pusher").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").toString()).contains("successRate of agent pusher must be within 0..1, got 7")
                .contains("agent stranger is not registered");
    }

    @Test
    void aBatchWithNothingUsableIsABadRequest() throws Exception {
        var malformed = harness.post("/api/metrics", "[{\"agentId\": ");
        var unknown = harness.post("/api/metrics", doc("stranger", "{\"responseTimeMs\": 1}"));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(malformed.body()).get("error").asText()).contains("malformed JSON");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("nothing accepted").contains("stranger");
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        String huge = doc("pusher", "{\"responseTimeMs\": 1, \"pad\": 1}").replace("\"pad\": 1",
                "\"pad\": 1, \"x\": \"" + "x".repeat(100_000) + "\"");

        assertThat(harness.post("/api/metrics", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void theApiRefusesCallersWithoutTheToken() throws Exception {
        var anonymous = harness.anonymousGet("/api/status");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Json.mapper().readTree(anonymous.body()).get("error").asText()).contains("bearer token");
        assertThat(harness.get("/api/status").statusCode()).isEqualTo(200);
    }

    @Test
    void pushedAgentsAreFreshAndTheirBottlenecksDetected() throws Exception {
        // one success rate per push: the third push gives it the 3 samples detection needs, the fourth a second evaluation
        for (int i = 0; i < 4; i++) {
            harness.clock.advance(Duration.ofSeconds(10));
            String now = harness.clock.instant().toString();
            harness.post("/api/metrics", "{\"agentId\": \"pusher\", \"timestamp\": \"" + now
                    + "\", \"metrics\": {\"successRate\": 0.45}, \"samples\": {\"responseTimeMs\": [2900, 3100, 3000, 2950]}}");
            harness.perfopt.loop().runCycle();
        }

        JsonNode agent = Json.mapper().readTree(harness.get("/api/agents/pusher").body());
        assertThat(agent.get("freshness").asText()).isEqualTo("fresh");
        assertThat(agent.get("source").asText()).isEqualTo("push");
        assertThat(agent.get("bottlenecks").findValuesAsText("type")).contains("RESPONSE_TIME", "SUCCESS_RATE");
    }

    @Test
    void anAgentRegistersPushesAndLeavesAtRunTime() throws Exception {
        var registered = harness.post("/api/agents", "{\"id\": \"newcomer\", \"class\": \"llm\", "
                + "\"metrics\": {\"format\": \"push\"}}");

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(Json.mapper().readTree(registered.body()).get("agentClass").asText()).isEqualTo("llm");
        assertThat(harness.post("/api/metrics", doc("newcomer", "{\"successRate\": 0.9}")).statusCode())
                .isEqualTo(200);

        var removed = harness.send("DELETE", "/api/agents/newcomer");

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(harness.get("/api/agents/newcomer").statusCode()).isEqualTo(404);
        assertThat(harness.send("DELETE", "/api/agents/newcomer").statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidRegistrationIsRefusedWithItsProblems() throws Exception {
        var refused = harness.post("/api/agents", "{\"id\": \"bad one\", \"metrics\": {\"format\": \"telepathy\"}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(refused.body()).get("error").asText()).contains("id").contains("format");
    }
}
