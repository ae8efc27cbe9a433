package io.perfopt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void theSameSeedAndCallsGiveTheSameMetrics() {
        assertThat(run(42)).isEqualTo(run(42));
    }

    @Test
    void anotherSeedGivesOtherMetrics() {
        assertThat(run(43)).isNotEqualTo(run(42));
    }

    @Test
    void anAgentsTrafficDoesNotDependOnWhatElseTheFleetHosts() {
        ManualClock aloneClock = ManualClock.startingAtEpochOf2026();
        ManualClock crowdClock = ManualClock.startingAtEpochOf2026();
        SimulatedFleet alone = SimulatedFleet.builder().clock(aloneClock).seed(5)
                .agent(AgentSpec.of("market-hunter", AgentKinds.MARKET_HUNTER))
                .warmUp(SimulatedFleet.DEMO_WARM_UP).build();
        SimulatedFleet crowd = SimulatedFleet.demo(crowdClock, 5);
        aloneClock.advance(Duration.ofMinutes(1));
        crowdClock.advance(Duration.ofMinutes(1));

        assertThat(crowd.agent("market-hunter").inspect().metrics().metrics())
                .isEqualTo(alone.agent("market-hunter").inspect().metrics().metrics());
    }

    /** Polls every demo agent over HTTP, changes a knob midway, and returns the bodies seen. */
    private static List<String> run(long seed) {
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        List<String> bodies = new ArrayList<>();
        try (SimulatedFleet fleet = SimulatedFleet.builder().clock(clock).seed(seed).demoAgents()
                .tokenPrefix("t-").build()) {
            URI base = fleet.start(0);
            FleetClient client = new FleetClient(base);
            for (int poll = 0; poll < 4; poll++) {
                clock.advance(Duration.ofSeconds(30));
                if (poll == 2) {
                    client.put("/agents/market-hunter/control/knobs/cache.size", "{\"value\": 5000}", "t-market-hunter");
                }
                for (var agent : fleet.agents()) {
                    bodies.add(client.get("/agents/" + agent.id() + "/metrics").body());
                }
            }
        }
        return bodies;
    }
}
