package io.perfopt.integration.actuate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfopt.api.spi.ActuationException;
import io.perfopt.integration.agents.ControlEndpoint;
import io.perfopt.integration.agents.DurationText;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one call to an agent's control endpoint and turns every way it can go wrong into an
 * {@link ActuationException} that says which call failed and how, with the agent's own error
 * text. The whole exchange, body included, is bounded by the endpoint's timeout: a request
 * timeout alone stops waiting at the headers, and an agent that stalls mid-body must not stall
 * a cycle. The bearer token goes into the request header only, never into a message.
 */
final class ControlClient {

    private static final int MAX_ERROR_TEXT = 300;

    // HttpClient fixes the connect timeout per client; agents with equal timeouts share one.
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final long maxResponseBytes;

    ControlClient(ObjectMapper json, long maxResponseBytes) {
        this.json = json;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The body of a 2xx answer to {@code request}; {@code call} names it in messages, e.g. "GET knobs". */
    byte[] exchange(String agentId, String call, ControlEndpoint control, HttpRequest.Builder request)
            throws ActuationException {
        request.timeout(control.timeout()).header("Accept", "application/json");
        if (control.hasToken()) {
            request.header("Authorization", "Bearer " + control.token());
        }
        CompletableFuture<HttpResponse<byte[]>> future = client(control.timeout())
                .sendAsync(request.build(), BoundedBodySubscriber.handler(maxResponseBytes));
        HttpResponse<byte[]> response;
        try {
            response = future.get(control.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ActuationException(agentId, call + ": no answer within " + DurationText.format(control.timeout()), e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ActuationException(agentId, call + ": interrupted", e);
        } catch (ExecutionException e) {
            throw failure(agentId, call, control, e.getCause());
        }
        if (response.statusCode() / 100 != 2) {
            throw new ActuationException(agentId, call + ": HTTP " + response.statusCode() + ": "
                    + errorText(response.body()));
        }
        return response.body();
    }

    private HttpClient client(Duration timeout) {
        return clients.computeIfAbsent(timeout, t -> HttpClient.newBuilder()
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    private static ActuationException failure(String agentId, String call, ControlEndpoint control, Throwable cause) {
        String timeout = DurationText.format(control.timeout());
        String reason;
        if (has(cause, HttpConnectTimeoutException.class)) {
            reason = "could not connect to " + control.url() + " within " + timeout;
        } else if (has(cause, HttpTimeoutException.class)) {
            reason = "no answer within " + timeout;
        } else if (has(cause, ConnectException.class)) {
            reason = "cannot connect to " + control.url() + " (connection refused)";
        } else if (has(cause, BoundedBodySubscriber.TooLarge.class)) {
            reason = find(cause, BoundedBodySubscriber.TooLarge.class).getMessage();
        } else {
            reason = "the call failed: " + cause;
        }
        return new ActuationException(agentId, call + ": " + reason, cause);
    }

    /** The agent's explanation: the {@code error} or {@code message} of a JSON body, else the body's text. */
    private String errorText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode node = json.readTree(text);
            for (String field : new String[] {"error", "message"}) {
                if (node != null && node.path(field).isTextual()) {
                    text = node.path(field).textValue();
                    break;
                }
            }
        } catch (JacksonException e) {
            // not JSON: the plain text is the explanation
        }
        text = text.replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "(no message)";
        }
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "..." : text;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
