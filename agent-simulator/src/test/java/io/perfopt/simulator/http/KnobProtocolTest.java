package io.perfopt.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.FleetClient;
import io.perfopt.simulator.SimulatedFleet;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnobProtocolTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private SimulatedFleet fleet;
    private FleetClient client;
    private String token;

    @BeforeEach
    void startFleet() {
        fleet = SimulatedFleet.builder().clock(clock).seed(7).demoAgents().tokenPrefix("secret-").build();
        client = new FleetClient(fleet.start(0));
        token = fleet.tokens().get("market-hunter");
    }

    @AfterEach
    void stopFleet() {
        fleet.stop();
    }

    @Test
    void listsEveryKnobWithItsTypeRangeValueAndTags() {
        JsonNode knobs = FleetClient.parse(client.get("/agents/market-hunter/control/knobs", token).body())
                .get("knobs");

        assertThat(knobs).hasSize(7);
        JsonNode cache = knob(knobs, "cache.size");
        assertThat(cache.get("type").asText()).isEqualTo("int");
        assertThat(cache.get("min").asLong()).isZero();
        assertThat(cache.get("max").asLong()).isEqualTo(20000);
        assertThat(cache.get("value").asLong()).isEqualTo(100);
        assertThat(cache.get("tags")).extracting(JsonNode::asText).containsExactlyInAnyOrder("latency", "cache",
                "resource");
        JsonNode source = knob(knobs, "source.priority");
        assertThat(source.get("type").asText()).isEqualTo("enum");
        assertThat(source.get("values")).extracting(JsonNode::asText)
                .containsExactly("news", "social", "onchain", "balanced");
        assertThat(source.get("value").isTextual()).isTrue();
        assertThat(knob(knobs, "confidence.threshold").get("type").asText()).isEqualTo("double");
    }

    @Test
    void changesAKnobAndAnswersWithTheKnobAfterTheChange() {
        clock.advance(Duration.ofSeconds(10));

        HttpResponse<String> response = client.put("/agents/market-hunter/control/knobs/cache.size",
                "{\"value\": 400}", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FleetClient.parse(response.body()).get("value").asLong()).isEqualTo(400);
        assertThat(fleet.agent("market-hunter").knob("cache.size").value()).isEqualTo(400);
        JsonNode changes = client.json("/agents/market-hunter/admin/history").get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("knob").asText()).isEqualTo("cache.size");
        assertThat(changes.get(0).get("oldValue").asLong()).isEqualTo(100);
        assertThat(changes.get(0).get("newValue").asLong()).isEqualTo(400);
        assertThat(changes.get(0).get("at").asText()).isEqualTo("2026-01-01T00:00:10Z");
    }

    @Test
    void setsEnumKnobsByNameAndDoubleKnobsByNumber() {
        assertThat(client.put("/agents/market-hunter/control/knobs/source.priority", "{\"value\": \"onchain\"}",
                token).statusCode()).isEqualTo(200);
        assertThat(client.put("/agents/market-hunter/control/knobs/confidence.threshold", "{\"value\": 0.8}",
                token).statusCode()).isEqualTo(200);

        JsonNode knobs = FleetClient.parse(client.get("/agents/market-hunter/control/knobs", token).body())
                .get("knobs");
        assertThat(knob(knobs, "source.priority").get("value").asText()).isEqualTo("onchain");
        assertThat(knob(knobs, "confidence.threshold").get("value").asDouble()).isEqualTo(0.8);
    }

    @Test
    void refusesAValueOutOfRangeAndKeepsTheOldOne() {
        HttpResponse<String> response = client.put("/agents/market-hunter/control/knobs/cache.size",
                "{\"value\": 20001}", token);

        assertBadRequest(response, "20001");
        assertThat(fleet.agent("market-hunter").knob("cache.size").value()).isEqualTo(100);
    }

    @Test
    void refusesValuesOfTheWrongType() {
        assertBadRequest(client.put("/agents/market-hunter/control/knobs/cache.size", "{\"value\": \"big\"}",
                token), "cache.size");
        assertBadRequest(client.put("/agents/market-hunter/control/knobs/cache.size", "{\"value\": 1.5}", token),
                "whole");
        assertBadRequest(client.put("/agents/market-hunter/control/knobs/source.priority", "{\"value\": \"tv\"}",
                token), "tv");
        assertBadRequest(client.put("/agents/market-hunter/control/knobs/cache.size", "{\"value\": null}", token),
                "null");
        assertBadRequest(client.put("/agents/market-hunter/control/knobs/cache.size", "{\"other\": 3}", token),
                "value");
    }

    @Test
    void refusesMalformedJson() {
        assertBadRequest(client.put("/agents/market-hunter/control/knobs/cache.size", "{\"value\": ", token),
                "malformed");
        assertBadRequest(client.put("/agents/market-hunter/control/knobs/cache.size", "[400]", token), "object");
        assertBadRequest(client.put("/agents/market-hunter/control/knobs/cache.size", "", token), "object");
    }

    @Test
    void refusesABodyOver64KiB() {
        String huge = "{\"value\": 400, \"padding\": \"" + "x".repeat(70 * 1024) + "\"}";

        assertBadRequest(client.put("/agents/market-hunter/control/knobs/cache.size", huge, token), "65536");
        assertThat(fleet.agent("market-hunter").knob("cache.size").value()).isEqualTo(100);
    }

    @Test
    void answers404ForAnUnknownKnobOrAgent() {
        HttpResponse<String> unknownKnob = client.put("/agents/market-hunter/control/knobs/turbo", "{\"value\": 1}",
                token);
        HttpResponse<String> unknownAgent = client.get("/agents/nobody/control/knobs", token);

        assertThat(unknownKnob.statusCode()).isEqualTo(404);
        assertThat(FleetClient.parse(unknownKnob.body()).get("error").asText()).contains("turbo");
        assertThat(unknownAgent.statusCode()).isEqualTo(404);
        assertThat(FleetClient.parse(unknownAgent.body()).get("error").asText()).contains("nobody");
    }

    @Test
    void answers401WithoutTheRightTokenButLeavesMetricsOpen() {
        HttpResponse<String> missing = client.put("/agents/market-hunter/control/knobs/cache.size",
                "{\"value\": 400}", null);
        HttpResponse<String> wrong = client.put("/agents/market-hunter/control/knobs/cache.size", "{\"value\": 400}",
                fleet.tokens().get("market-analyzer"));
        HttpResponse<String> listing = client.get("/agents/market-hunter/control/knobs");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(listing.statusCode()).isEqualTo(401);
        assertThat(FleetClient.parse(missing.body()).has("error")).isTrue();
        assertThat(fleet.agent("market-hunter").knob("cache.size").value()).isEqualTo(100);
        assertThat(client.get("/agents/market-hunter/metrics").statusCode()).isEqualTo(200);
        assertThat(client.get("/agents/market-hunter/metrics/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void answersUnknownPathsAndMethodsWithJsonErrors() {
        HttpResponse<String> unknownPath = client.get("/nothing/here");
        HttpResponse<String> wrongMethod = client.send("DELETE", "/agents/market-hunter/metrics", null, null);

        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(FleetClient.parse(unknownPath.body()).has("error")).isTrue();
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(FleetClient.parse(wrongMethod.body()).get("error").asText()).contains("GET");
        assertThat(client.get("/agents").statusCode()).isEqualTo(200);
    }

    private static void assertBadRequest(HttpResponse<String> response, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(FleetClient.parse(response.body()).get("error").asText()).contains(messagePart);
    }

    private static JsonNode knob(JsonNode knobs, String name) {
        for (JsonNode knob : knobs) {
            if (knob.get("name").asText().equals(name)) {
                return knob;
            }
        }
        throw new AssertionError("no knob " + name + " in " + knobs);
    }
}
