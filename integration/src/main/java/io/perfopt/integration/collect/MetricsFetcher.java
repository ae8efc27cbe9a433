package io.perfopt.integration.collect;

import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.DurationText;
import io.perfopt.integration.http.BoundedBodySubscriber;
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
 * GETs an agent's metrics: the whole exchange, body included, within the agent's timeout, and
 * never more than the size limit read. One HTTP client per timeout value serves every agent,
 * so polling thousands of agents opens no client per agent.
 */
public final class MetricsFetcher {

    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    private final long maxBytes;

    public MetricsFetcher(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body of the agent's 2xx answer; anything else throws a {@link FetchFailure} naming the kind. */
    public byte[] fetch(AgentConfig agent) throws FetchFailure {
        Duration timeout = agent.metrics().timeout();
        HttpRequest request = HttpRequest.newBuilder(agent.metrics().url()).timeout(timeout)
                .header("Accept", "application/json, text/plain;version=0.0.4;q=0.9, */*;q=0.1").GET().build();
        CompletableFuture<HttpResponse<byte[]>> future = client(timeout)
                .sendAsync(request, BoundedBodySubscriber.handler(maxBytes));
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchFailure("timeout", "no answer within " + DurationText.format(timeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailure("error", "interrupted");
        } catch (ExecutionException e) {
            throw failure(agent, e.getCause(), timeout);
        }
        if (response.statusCode() / 100 != 2) {
            String text = new String(response.body(), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            throw new FetchFailure("http-" + response.statusCode(), "answered " + response.statusCode()
                    + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text)));
        }
        return response.body();
    }

    private HttpClient client(Duration timeout) {
        return clients.computeIfAbsent(timeout, t -> HttpClient.newBuilder().connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private FetchFailure failure(AgentConfig agent, Throwable cause, Duration timeout) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new FetchFailure("timeout", "could not connect to " + agent.metrics().url() + " within "
                        + DurationText.format(timeout));
            }
            if (t instanceof HttpTimeoutException) {
                return new FetchFailure("timeout", "no answer within " + DurationText.format(timeout));
            }
            if (t instanceof ConnectException) {
                return new FetchFailure("unreachable", "cannot connect to " + agent.metrics().url()
                        + " (connection refused)");
            }
            if (t instanceof BoundedBodySubscriber.TooLarge) {
                return new FetchFailure("too-large", t.getMessage());
            }
        }
        return new FetchFailure("error", "the request failed: " + cause);
    }

    /** A collection that delivered nothing: {@code kind} is a short countable name, the message the detail. */
    public static final class FetchFailure extends Exception {
        private static final long serialVersionUID = 1L;

        private final String kind;

        public FetchFailure(String kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }
}
