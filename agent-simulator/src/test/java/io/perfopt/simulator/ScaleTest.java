package io.perfopt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void hostsFiveThousandAgentsInOneProcess() {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        try (SimulatedFleet fleet = SimulatedFleet.builder().clock(clock).seed(1).copies(1000)
                .tokenPrefix("scale-").build()) {
            FleetClient client = new FleetClient(fleet.start(0));
            clock.advance(Duration.ofMinutes(1));

            JsonNode listed = client.json("/agents").get("agents");
            assertThat(listed).hasSize(5000);
            assertThat(listed.get(1042).get("id").asText()).isEqualTo("market-hunter-0042");

            for (String id : new String[] {"market-hunter-0042", "strategic-orchestrator-0999",
                "narrative-architect-0000", "intelligent-execution-0500", "market-analyzer-0123"}) {
                JsonNode metrics = client.json("/agents/" + id + "/metrics").get("metrics");
                assertThat(metrics.get("responseTimeMs").asDouble()).as(id).isPositive();
            }
            assertThat(client.put("/agents/market-hunter-0042/control/knobs/cache.size", "{\"value\": 3000}",
                    "scale-market-hunter-0042").statusCode()).isEqualTo(200);
            assertThat(fleet.agent("market-hunter-0041").knob("cache.size").value()).isEqualTo(100);
        }
    }
}
