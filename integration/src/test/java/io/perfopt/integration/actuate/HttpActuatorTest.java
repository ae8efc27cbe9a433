package io.perfopt.integration.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.knob.KnobType;
import io.perfopt.api.spi.ActuationException;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.agents.ControlEndpoint;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.testing.FreePort;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpActuatorTest {

    private static final String TOKEN = "t0ken-4-tests";

    private final Knob cacheSize = Knob.ofInt("cache.size", 0, 10_000, 100, "latency", "cache");
    private final Knob priority = Knob.ofEnum("source.priority", List.of("news", "social"), "news");
    private final Knob compression = Knob.ofBoolean("compression", true);
    private final Knob temperature = Knob.ofDouble("llm.temperature", 0, 2, 0.7, "quality");
    private final AgentRegistry registry = new AgentRegistry();
    private final HttpActuator actuator = new HttpActuator(registry);
    private FakeAgent agent;

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void readsTheAgentsKnobsWithTheirTypesRangesAndValues() throws Exception {
        startAgent(TOKEN, Duration.ofSeconds(5));

        List<Knob> knobs = actuator.readKnobs("a1");

        assertThat(knobs).containsExactly(cacheSize, priority, compression, temperature);
        assertThat(knobs.get(1).values()).containsExactly("news", "social");
        assertThat(agent.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/knobs");
            assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
        });
    }

    @Test
    void setsAKnobAndReturnsItAsTheAgentReportsIt() throws Exception {
        startAgent(TOKEN, Duration.ofSeconds(5));

        Knob answered = actuator.apply("a1", cacheSize, 400);

        assertThat(answered).isEqualTo(cacheSize.withValue(400));
        assertThat(agent.knob("cache.size").value()).isEqualTo(400);
        assertThat(agent.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.path()).isEqualTo("/knobs/cache.size");
            assertThat(r.body()).isEqualTo("{\"value\":400}");
        });
    }

    @Test
    void setsEnumAndBooleanKnobsByTheirWireValuesAndRevertsAChange() throws Exception {
        startAgent(null, Duration.ofSeconds(5));

        Knob social = actuator.apply("a1", priority, 1);
        Knob off = actuator.apply("a1", compression, 0);
        Knob reverted = actuator.revert("a1", social, new KnobChange("source.priority", 0, 1));

        assertThat(social.format(social.value())).isEqualTo("social");
        assertThat(off.value()).isZero();
        assertThat(reverted.value()).isZero();
        assertThat(agent.received()).extracting(FakeAgent.Received::body)
                .containsExactly("{\"value\":\"social\"}", "{\"value\":false}", "{\"value\":\"news\"}");
        assertThat(agent.received()).extracting(FakeAgent.Received::authorization).containsOnlyNulls();
    }

    @Test
    void reportsAValueTheAgentRefusesWithItsStatusAndMessage() throws Exception {
        startAgent(TOKEN, Duration.ofSeconds(5));
        Knob wider = new Knob("cache.size", KnobType.INT, 0, 50_000, 100, List.of(), Set.of());

        assertThatThrownBy(() -> actuator.apply("a1", wider, 20_000))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: PUT knob cache.size = 20000: HTTP 400: knob cache.size takes values within "
                        + "0..10000, got 20000")
                .extracting(e -> ((ActuationException) e).agentId()).isEqualTo("a1");
    }

    @Test
    void reportsAnUnknownKnob() throws Exception {
        startAgent(TOKEN, Duration.ofSeconds(5));

        assertThatThrownBy(() -> actuator.apply("a1", Knob.ofInt("threads", 1, 64, 8), 16))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: PUT knob threads = 16: HTTP 404: unknown knob threads");
    }

    @Test
    void reportsAServerErrorWithTheAgentsPlainTextExplanation() throws Exception {
        startAgent(TOKEN, Duration.ofSeconds(5));
        agent.answerEverythingWith(500, "  cache\n  backend down ", false);

        assertThatThrownBy(() -> actuator.apply("a1", cacheSize, 300))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: PUT knob cache.size = 300: HTTP 500: cache backend down");
    }

    @Test
    void reportsAWrongTokenWithoutRevealingIt() throws Exception {
        agent = FakeAgent.start(TOKEN, cacheSize);
        String wrong = "not-the-token";
        register(new ControlEndpoint(agent.controlUrl(), wrong, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> actuator.readKnobs("a1"))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: GET knobs: HTTP 401: missing or wrong bearer token")
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(wrong));
    }

    @Test
    void givesUpOnAnAgentThatDoesNotAnswerWithinTheTimeout() throws Exception {
        startAgent(TOKEN, Duration.ofMillis(300));
        agent.stall();

        assertThatThrownBy(() -> actuator.apply("a1", cacheSize, 200))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: PUT knob cache.size = 200: no answer within 300ms");
    }

    @Test
    void reportsAnAnswerThatIsNotTheExpectedJson() throws Exception {
        startAgent(TOKEN, Duration.ofSeconds(5));
        agent.answerEverythingWith(200, "{\"knobs\": [{\"name\": \"cache.size\", \"type\": \"int\", \"value\": 1", false);

        assertThatThrownBy(() -> actuator.readKnobs("a1"))
                .isInstanceOf(ActuationException.class)
                .hasMessageStartingWith("agent a1: GET knobs: malformed answer: Unexpected end-of-input");

        agent.answerEverythingWith(200, "{\"knobs\": [{\"name\": \"cache.size\", \"type\": \"int\", \"value\": 1}]}", false);
        assertThatThrownBy(() -> actuator.readKnobs("a1"))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: GET knobs: malformed answer: knob cache.size needs a number min, got null");

        agent.answerEverythingWith(200, "{\"name\": \"compression\", \"type\": \"boolean\", \"value\": true}", false);
        assertThatThrownBy(() -> actuator.apply("a1", cacheSize, 5))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: PUT knob cache.size = 5: the agent answered with knob compression");
    }

    @Test
    void refusesAnAnswerLargerThanTheLimitDeclaredOrStreamed() throws Exception {
        HttpActuator strict = new HttpActuator(registry, 256);
        startAgent(TOKEN, Duration.ofSeconds(5));
        String large = "{\"knobs\": [], \"padding\": \"" + "x".repeat(10_000) + "\"}";

        agent.answerEverythingWith(200, large, false);
        assertThatThrownBy(() -> strict.readKnobs("a1"))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: GET knobs: the answer exceeds the limit of 256 bytes");

        agent.answerEverythingWith(200, large, true);
        assertThatThrownBy(() -> strict.readKnobs("a1"))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: GET knobs: the answer exceeds the limit of 256 bytes");
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        URI nobodyListens = URI.create("http://127.0.0.1:" + FreePort.pick() + "/control");
        register(new ControlEndpoint(nobodyListens, TOKEN, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> actuator.readKnobs("a1"))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: GET knobs: cannot connect to " + nobodyListens + " (connection refused)");
    }

    @Test
    void refusesAgentsItCannotReachAndValuesTheKnobDoesNotTake() throws Exception {
        startAgent(TOKEN, Duration.ofSeconds(5));
        registry.register(AgentConfig.of("observed", MetricsSource.push()));

        assertThatThrownBy(() -> actuator.readKnobs("ghost"))
                .isInstanceOf(ActuationException.class).hasMessage("agent ghost: no such agent is registered");
        assertThatThrownBy(() -> actuator.readKnobs("observed"))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent observed: the agent has no control endpoint; perfopt only observes it");
        assertThatThrownBy(() -> actuator.apply("a1", cacheSize, 10.5))
                .isInstanceOf(ActuationException.class)
                .hasMessage("agent a1: knob cache.size: value 10.5 is not accepted (range 0..10000, whole values); "
                        + "nothing was sent");
        assertThat(agent.received()).isEmpty();
    }

    private void startAgent(String token, Duration timeout) throws IOException {
        agent = FakeAgent.start(token, cacheSize, priority, compression, temperature);
        register(new ControlEndpoint(agent.controlUrl(), token, timeout));
    }

    private void register(ControlEndpoint control) {
        assertThat(registry.register(AgentConfig.of("a1", MetricsSource.push()).withControl(control))).isEmpty();
    }
}
