package io.perfopt.benchmarks.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The baselines' side of the agent protocol, over HTTP like perfopt's: {@code PUT} knobs with
 * the agent's bearer token, {@code GET} the metrics document. The measurement protocol is the
 * one perfopt's verification uses by default: after a change the agent settles for 10 s, then
 * is observed for 60 s, polled every 10 s; the measured value is the mean of the polls'
 * {@code responseTimeMs} (each the mean latency of its interval).
 */
public final class SurfaceClient {

    public static final Duration SETTLE = Duration.ofSeconds(10);
    public static final Duration WINDOW = Duration.ofSeconds(60);
    public static final Duration POLL = Duration.ofSeconds(10);

    private final SurfaceFleet fleet;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public SurfaceClient(SurfaceFleet fleet) {
        this.fleet = fleet;
    }

    /** Sets every knob of the configuration that differs from {@code current}. */
    public void apply(String agentId, Config current, Config wanted) {
        for (String knob : wanted.differingFrom(current)) {
            double v = wanted.get(knob);
            String value = knob.equals(Config.PREFETCH) ? String.format(Locale.ROOT, "%.6f", v)
                    : String.valueOf(Math.round(v));
            send(HttpRequest.newBuilder(fleet.baseUri().resolve("agents/" + agentId + "/control/knobs/" + knob))
                    .header("Authorization", "Bearer " + fleet.token(agentId))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": " + value + "}")));
        }
    }

    /** Lets the settle time pass and throws away what the agents did meanwhile. */
    public void settle(List<String> agents) {
        fleet.clock().advance(SETTLE);
        agents.forEach(this::poll);
    }

    /** Observes the agents for the window; their mean response time over it. */
    public Map<String, Double> measure(List<String> agents) {
        Map<String, double[]> sums = new java.util.LinkedHashMap<>();
        agents.forEach(a -> sums.put(a, new double[2]));
        for (long t = 0; t < WINDOW.toSeconds(); t += POLL.toSeconds()) {
            fleet.clock().advance(POLL);
            for (String agent : agents) {
                double mean = poll(agent);
                if (!Double.isNaN(mean)) {
                    sums.get(agent)[0] += mean;
                    sums.get(agent)[1]++;
                }
            }
        }
        Map<String, Double> means = new java.util.LinkedHashMap<>();
        sums.forEach((a, s) -> means.put(a, s[1] == 0 ? Double.NaN : s[0] / s[1]));
        return means;
    }

    /** The mean response time since the previous poll; NaN when the agent served nothing. */
    private double poll(String agentId) {
        JsonNode doc = send(HttpRequest.newBuilder(fleet.baseUri().resolve("agents/" + agentId + "/metrics")).GET());
        JsonNode rt = doc.path("metrics").path("responseTimeMs");
        return rt.isNumber() ? rt.asDouble() : Double.NaN;
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the simulator answered " + answer.statusCode() + ": " + answer.body());
            }
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
