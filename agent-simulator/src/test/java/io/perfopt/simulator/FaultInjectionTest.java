package io.perfopt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.agent.SimulatedAgent;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private SimulatedFleet fleet;
    private FleetClient client;
    private SimulatedAgent analyzer;

    @BeforeEach
    void startFleet() {
        fleet = SimulatedFleet.builder().clock(clock).seed(21)
                .agent(AgentSpec.of("analyzer", AgentKinds.MARKET_ANALYZER)).build();
        client = new FleetClient(fleet.start(0));
        analyzer = fleet.agent("analyzer");
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void stopFleet() {
        fleet.stop();
    }

    @Test
    void aLatencySpikeSlowsTheAgentWhileActiveAndEndsAfterItsDuration() {
        double normal = Observation.watch(analyzer, clock, Duration.ofMinutes(1)).mean("responseTimeMs");

        HttpResponse<String> injected = client.post("/agents/analyzer/admin/faults",
                "{\"type\": \"latency-spike\", \"factor\": 3.0, \"durationSeconds\": 60}");
        double during = Observation.watch(analyzer, clock, Duration.ofMinutes(1)).mean("responseTimeMs");
        double after = Observation.watch(analyzer, clock, Duration.ofMinutes(1)).mean("responseTimeMs");

        assertThat(injected.statusCode()).isEqualTo(201);
        assertThat(FleetClient.parse(injected.body()).get("endsAt").asText()).isEqualTo("2026-01-01T00:03:00Z");
        assertThat(during).isGreaterThan(2.5 * normal);
        assertThat(after).isLessThan(1.3 * normal);
        assertThat(client.json("/agents/analyzer/admin/faults").get("faults")).isEmpty();
    }

    @Test
    void anErrorBurstLowersTheSuccessRateUntilItEnds() {
        double normal = Observation.watch(analyzer, clock, Duration.ofMinutes(1)).mean("successRate");

        client.post("/agents/analyzer/admin/faults", "{\"type\": \"error-burst\", \"errorRate\": 0.5, "
                + "\"durationSeconds\": 60}");
        double during = Observation.watch(analyzer, clock, Duration.ofMinutes(1)).mean("successRate");
        double after = Observation.watch(analyzer, clock, Duration.ofMinutes(1)).mean("successRate");

        assertThat(during).isLessThan(normal - 0.2);
        assertThat(after).isGreaterThan(normal - 0.05);
    }

    @Test
    void aDriftWorsensTheMetricMinuteByMinuteUntilCleared() {
        client.post("/agents/analyzer/admin/faults",
                "{\"type\": \"drift\", \"metric\": \"responseTimeMs\", \"perMinute\": 0.10}");

        double first = Observation.watch(analyzer, clock, Duration.ofMinutes(2)).mean("responseTimeMs");
        double later = Observation.watch(analyzer, clock, Duration.ofMinutes(2)).mean("responseTimeMs");
        double evenLater = Observation.watch(analyzer, clock, Duration.ofMinutes(2)).mean("responseTimeMs");
        HttpResponse<String> cleared = client.delete("/agents/analyzer/admin/faults");
        double afterClearing = Observation.watch(analyzer, clock, Duration.ofMinutes(1)).mean("responseTimeMs");

        assertThat(later).isGreaterThan(1.1 * first);
        assertThat(evenLater).isGreaterThan(1.1 * later);
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(afterClearing).isLessThan(first);
    }

    @Test
    void refusesFaultsItDoesNotKnowOrWithBadParameters() {
        for (String body : new String[] {"{\"type\": \"meteor\"}", "{\"type\": \"latency-spike\", \"factor\": 0.5, "
                + "\"durationSeconds\": 60}", "{\"type\": \"error-burst\", \"errorRate\": 2, \"durationSeconds\": 60}",
            "{\"type\": \"drift\", \"metric\": \"cpu\", \"perMinute\": 0.1}", "{\"type\": \"latency-spike\"}",
            "not json"}) {
            HttpResponse<String> response = client.post("/agents/analyzer/admin/faults", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = FleetClient.parse(response.body()).get("error");
            assertThat(error.asText()).as(body).isNotBlank();
        }
        assertThat(analyzer.activeFaults()).isEmpty();
    }
}
