package io.perfopt.integration.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsFormat;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.integration.testing.PerfoptHarness;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input from agents never stops collection: each problem is counted, visible per agent, and isolated. */
class CollectionTest {

    private final Map<String, MisbehavingAgent> agents = new LinkedHashMap<>();
    private PerfoptHarness harness;

    @BeforeEach
    void start() throws Exception {
        List<AgentConfig> configs = new ArrayList<>();
        for (MisbehavingAgent.Mode mode : MisbehavingAgent.Mode.values()) {
            String id = mode.name().toLowerCase().replace('_', '-');
            MisbehavingAgent agent = new MisbehavingAgent(id, mode);
            agents.put(id, agent);
            configs.add(AgentConfig.of(id, polledWithHalfASecondTimeout(agent.metricsUri())));
        }
        // nothing listens on a port just freed: the connection is refused
        configs.add(AgentConfig.of("unreachable",
                polledWithHalfASecondTimeout(URI.create("http://127.0.0.1:" + FreePort.pick() + "/metrics"))));
        harness = new PerfoptHarness(ManualClock.startingAtEpochOf2026(),
                Map.of("perfopt.collect.max-body-bytes", "65536"), List.of(), configs);
        harness.cycle(Duration.ofSeconds(5));
    }

    /** JSON polled every 5 s, each poll given up after 500 ms, so that the agent that hangs times out soon. */
    private static MetricsSource polledWithHalfASecondTimeout(URI url) {
        return new MetricsSource(MetricsFormat.JSON, url, Duration.ofSeconds(5), Duration.ofMillis(500), null, null);
    }

    @AfterEach
    void stop() {
        harness.close();
        agents.values().forEach(MisbehavingAgent::close);
    }

    private JsonNode agent(String id) throws Exception {
        for (JsonNode agent : Json.mapper().readTree(harness.get("/api/agents").body())) {
            if (agent.get("id").asText().equals(id)) {
                return agent;
            }
        }
        throw new AssertionError("no agent " + id + " in /api/agents");
    }

    private void assertFailing(String id, String kind, String errorPart) throws Exception {
        JsonNode agent = agent(id);
        assertThat(agent.get("failing").asBoolean()).as(id + " failing").isTrue();
        assertThat(agent.get("freshness").asText()).isEqualTo("never-seen");
        assertThat(agent.at("/collection/problems/" + kind).asLong()).as(id + " problems " + kind).isEqualTo(1);
        assertThat(agent.at("/collection/lastError").asText()).contains(id).contains(errorPart);
    }

    @Test
    void malformedJsonIsCountedAgainstItsAgent() throws Exception {
        assertFailing("malformed", "malformed", "malformed JSON");
    }

    @Test
    void aServerErrorIsCountedWithTheAgentsAnswer() throws Exception {
        assertFailing("server-error", "http-500", "database down");
    }

    @Test
    void aHugeBodyIsRefusedAtTheSizeLimit() throws Exception {
        assertFailing("huge", "too-large", "65536");
    }

    @Test
    void anAgentAnsweringForAnotherIsRefused() throws Exception {
        assertFailing("wrong-agent", "wrong-agent", "someone-else");
    }

    @Test
    void anUnreachableAgentIsCountedAsSuch() throws Exception {
        assertFailing("unreachable", "unreachable", "connection refused");
    }

    @Test
    void aSlowAgentTimesOut() throws Exception {
        assertFailing("hangs", "timeout", "hangs");
    }

    @Test
    void nanAndOutOfRangeValuesAreRefusedOneByOneAndTheRestIsKept() throws Exception {
        JsonNode agent = agent("nan");

        assertThat(agent.get("failing").asBoolean()).isFalse();
        assertThat(agent.get("freshness").asText()).isEqualTo("fresh");
        assertThat(agent.at("/collection/samplesRejected").asLong()).isEqualTo(2);
        assertThat(agent.at("/collection/problems/invalid-value").asLong()).isEqualTo(2);
        assertThat(agent.at("/metrics/responseTimeMs/count").asLong()).isEqualTo(1);
        assertThat(agent.at("/metrics/successRate").isMissingNode()).isTrue();
        assertThat(agent.at("/metrics/coordinationScore").isMissingNode()).isTrue();
    }

    @Test
    void aFailingAgentRecoversWhenItAnswersWellAgain() throws Exception {
        agents.get("server-error").mode(MisbehavingAgent.Mode.GOOD);

        harness.cycle(Duration.ofSeconds(5));

        JsonNode agent = agent("server-error");
        assertThat(agent.get("failing").asBoolean()).isFalse();
        assertThat(agent.get("freshness").asText()).isEqualTo("fresh");
        assertThat(agent.at("/collection/failures").asLong()).isEqualTo(1);
    }

    @Test
    void theOthersAreCollectedWhateverTheBadOnesDo() throws Exception {
        assertThat(agent("good").get("freshness").asText()).isEqualTo("fresh");
        JsonNode status = Json.mapper().readTree(harness.get("/api/status").body());
        assertThat(status.at("/agents/total").asInt()).isEqualTo(MisbehavingAgent.Mode.values().length + 1);
        assertThat(status.at("/agents/failing").asInt()).isEqualTo(6);
    }
}
