package io.perfopt.integration.actuate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfopt.api.Require;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.spi.ActuationException;
import io.perfopt.api.spi.Actuator;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.agents.ControlEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in actuator: speaks the HTTP knob protocol to the control endpoint that the agent's
 * {@link AgentConfig} in the {@link AgentRegistry} names.
 *
 * <pre>
 * GET {control}/knobs          → {"knobs": [{"name": "cache.size", "type": "int", "min": 0, "max": 10000, "value": 100}, ...]}
 * PUT {control}/knobs/{name}   ← {"value": 400}   → the knob as it is now
 *     400 wrong type or out of range · 401 missing or wrong bearer token · 404 unknown knob
 * </pre>
 *
 * Every failure — a non-2xx answer, a timeout, a refused connection, an answer too large or not
 * the JSON expected — is an {@link ActuationException} naming the agent, the call (knob and value
 * included) and, for HTTP errors, the status and the agent's message. Thread-safe.
 */
public final class HttpActuator implements Actuator {

    /** The default limit of an answer: 1 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpActuator.class);

    private final AgentRegistry registry;
    private final ObjectMapper json = new ObjectMapper();
    private final ControlClient client;

    public HttpActuator(AgentRegistry registry) {
        this(registry, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** An actuator refusing answers larger than {@code maxResponseBytes}. */
    public HttpActuator(AgentRegistry registry, long maxResponseBytes) {
        this.registry = Require.notNull("registry", registry);
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be >= 1, got " + maxResponseBytes);
        }
        this.client = new ControlClient(json, maxResponseBytes);
    }

    @Override
    public List<Knob> readKnobs(String agentId) throws ActuationException {
        ControlEndpoint control = control(agentId);
        String call = "GET knobs";
        byte[] body = client.exchange(agentId, call, control, HttpRequest.newBuilder(uri(control, "knobs")).GET());
        try {
            List<Knob> knobs = KnobJson.readList(json.readTree(body));
            LOG.debug("agent {}: read {} knobs", agentId, knobs.size());
            return knobs;
        } catch (IOException | IllegalArgumentException e) {
            throw malformed(agentId, call, e);
        }
    }

    @Override
    public Knob apply(String agentId, Knob knob, double value) throws ActuationException {
        Require.notNull("knob", knob);
        if (!knob.accepts(value)) {
            throw new ActuationException(agentId, "knob " + knob.name() + ": value " + Require.plain(value)
                    + " is not accepted (range " + Require.plain(knob.min()) + ".." + Require.plain(knob.max())
                    + (knob.type().discrete() ? ", whole values" : "") + "); nothing was sent");
        }
        ControlEndpoint control = control(agentId);
        String call = "PUT knob " + knob.name() + " = " + knob.format(value);
        byte[] request = requestBody(knob, value);
        byte[] body = client.exchange(agentId, call, control, HttpRequest.newBuilder(uri(control, "knobs/"
                + PathSegment.encode(knob.name())))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(request)));
        Knob answered;
        try {
            answered = KnobJson.read(json.readTree(body));
        } catch (IOException | IllegalArgumentException e) {
            throw malformed(agentId, call, e);
        }
        if (!answered.name().equals(knob.name())) {
            throw new ActuationException(agentId, call + ": the agent answered with knob " + answered.name());
        }
        LOG.debug("agent {}: knob {} set to {}, agent reports {}", agentId, knob.name(), knob.format(value),
                answered.format(answered.value()));
        return answered;
    }

    private ControlEndpoint control(String agentId) throws ActuationException {
        AgentConfig agent = registry.find(agentId)
                .orElseThrow(() -> new ActuationException(agentId, "no such agent is registered"));
        if (!agent.hasControl()) {
            throw new ActuationException(agentId, "the agent has no control endpoint; perfopt only observes it");
        }
        return agent.control();
    }

    private byte[] requestBody(Knob knob, double value) {
        try {
            return json.writeValueAsString(Map.of("value", knob.toWire(value))).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a map of one string key to a number, boolean or string always serializes
            throw new IllegalStateException("cannot write the value of knob " + knob.name(), e);
        }
    }

    private static URI uri(ControlEndpoint control, String path) {
        return URI.create(control.url() + "/" + path);
    }

    private static ActuationException malformed(String agentId, String call, Exception e) {
        String reason = e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage();
        return new ActuationException(agentId, call + ": malformed answer: " + reason, e);
    }
}
