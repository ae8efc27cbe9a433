package io.perfopt.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.FleetClient;
import io.perfopt.simulator.SimulatedFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    private static final Set<String> RATIOS = Set.of("successRate", "averageConfidence", "coordinationScore",
            "cooperationScore", "accuracyRate", "cpu", "memory", "resourceEfficiency", "goalProgress",
            "adaptationScore");
    private static final Set<String> DURATIONS = Set.of("responseTimeMs", "messageLatencyMs",
            "conflictResolutionTimeMs", "decisionSpeedMs");

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private SimulatedFleet fleet;
    private FleetClient client;

    @BeforeEach
    void startFleet() {
        fleet = SimulatedFleet.demo(clock, 11);
        client = new FleetClient(fleet.start(0));
    }

    @AfterEach
    void stopFleet() {
        fleet.stop();
    }

    @Test
    void listsTheHostedAgentsWithTheirUrls() {
        JsonNode agents = client.json("/agents").get("agents");

        assertThat(agents).extracting(a -> a.get("id").asText()).containsExactly("strategic-orchestrator",
                "market-hunter", "market-analyzer", "narrative-architect", "intelligent-execution");
        JsonNode hunter = agents.get(1);
        assertThat(hunter.get("class").asText()).isEqualTo("market-hunter");
        String base = fleet.baseUri().toString();
        assertThat(hunter.get("metricsUrl").asText()).isEqualTo(base + "agents/market-hunter/metrics");
        assertThat(hunter.get("prometheusUrl").asText()).isEqualTo(base + "agents/market-hunter/metrics/prometheus");
        assertThat(hunter.get("controlUrl").asText()).isEqualTo(base + "agents/market-hunter/control");
    }

    @Test
    void reportsEveryStandardMetricOfTheIntervalWithinItsRange() {
        for (JsonNode listed : client.json("/agents").get("agents")) {
            String id = listed.get("id").asText();
            clock.advance(Duration.ofSeconds(30));

            String body = client.get("/agents/" + id + "/metrics").body();
            JsonNode document = FleetClient.parse(body);

            assertThat(body).doesNotContain("NaN").doesNotContain("Infinity");
            assertThat(document.get("agentId").asText()).isEqualTo(id);
            assertThat(document.get("timestamp").asText()).isEqualTo(clock.instant().toString());
            JsonNode metrics = document.get("metrics");
            assertThat(fieldNames(metrics)).as(id).containsAll(RATIOS).containsAll(DURATIONS)
                    .contains("decisionCount");
            RATIOS.forEach(r -> assertThat(metrics.get(r).asDouble()).as(id + " " + r).isBetween(0.0, 1.0));
            DURATIONS.forEach(d -> assertThat(metrics.get(d).asDouble()).as(id + " " + d).isNotNegative());
            JsonNode samples = document.get("samples");
            assertThat(samples.get("responseTimeMs").size()).as(id).isBetween(20, 200);
            assertThat(samples.get("successRate").size()).as(id).isBetween(5, 10);
            assertThat(samples.get("coordinationScore").size()).as(id).isBetween(5, 10);
            samples.get("successRate").forEach(s -> assertThat(s.asDouble()).isBetween(0.0, 1.0));
        }
    }

    @Test
    void eachPollCoversOnlyTheTimeSinceThePreviousOne() {
        clock.advance(Duration.ofSeconds(60));
        JsonNode first = client.json("/agents/market-analyzer/metrics").get("metrics");
        clock.advance(Duration.ofSeconds(15));
        JsonNode second = client.json("/agents/market-analyzer/metrics").get("metrics");

        // the analyzer is offered 15 requests a second and decides on most of them
        assertThat(first.get("decisionCount").asDouble()).isBetween(400.0, 900.0);
        assertThat(second.get("decisionCount").asDouble()).isBetween(100.0, 225.0);
    }

    @Test
    void anIntervalWithoutTrafficStillAnswersWithGaugesAndNoNaN() {
        clock.advance(Duration.ofSeconds(30));
        client.json("/agents/market-hunter/metrics");

        String body = client.get("/agents/market-hunter/metrics").body();
        JsonNode metrics = FleetClient.parse(body).get("metrics");

        assertThat(body).doesNotContain("NaN");
        assertThat(metrics.get("decisionCount").asDouble()).isZero();
        assertThat(metrics.has("memory")).isTrue();
        assertThat(metrics.has("successRate")).isFalse();
    }

    @Test
    void subsamplesLatenciesToAtMost200() {
        clock.advance(Duration.ofMinutes(5));

        JsonNode samples = client.json("/agents/intelligent-execution/metrics").get("samples");

        assertThat(samples.get("responseTimeMs").size()).isEqualTo(200);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
