package io.perfopt.integration.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.cli.ExitCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * Talks to a running node's REST API with its bearer token, and turns every way that can go
 * wrong into a {@link ClientException} whose message says what happened and how to fix it.
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // optimize-now runs a whole cycle before it answers
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /**
     * @param base  the node, e.g. {@code http://127.0.0.1:8080}
     * @param token the API token; null or blank to send none
     */
    public ApiClient(URI base, String token) {
        this.base = Objects.requireNonNull(base, "base");
        this.token = token == null || token.isBlank() ? null : token;
    }

    /** A GET; {@code pathAndQuery} starts with {@code /api/}. */
    public Answer get(String pathAndQuery) throws ClientException {
        return send(request(pathAndQuery).GET(), "GET " + pathAndQuery);
    }

    /** A POST of a JSON body. */
    public Answer post(String path, Object body) throws ClientException {
        String json = body == null ? "" : Json.write(body);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), "POST " + path);
    }

    /** The node this client talks to. */
    public URI base() {
        return base;
    }

    private HttpRequest.Builder request(String path) {
        // relative to the base, so that a base with a path (behind a proxy) keeps it
        URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder request, String what) throws ClientException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new ClientException(ExitCode.FAILURE, "perfopt at " + base + " did not answer " + what
                    + " within " + REQUEST_TIMEOUT.toSeconds() + " s; it may be busy: try again, or look at its log");
        } catch (ConnectException e) {
            throw unreachable("connection refused");
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ExitCode.FAILURE, "interrupted while waiting for perfopt at " + base);
        }
        return answer(response, what);
    }

    private Answer answer(HttpResponse<String> response, String what) throws ClientException {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        JsonNode json;
        try {
            json = body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (status == 401) {
            throw new ClientException(ExitCode.NOT_AUTHORIZED, "perfopt at " + base + " refused " + what + ": "
                    + error(json, body) + ". Pass the node's perfopt.api.token with --token, set PERFOPT_TOKEN, "
                    + "or set perfopt.api.token in conf/perfopt.properties");
        }
        if (status >= 400) {
            throw new ClientException(ExitCode.FAILURE, "perfopt answered " + what + " with " + status + ": "
                    + error(json, body));
        }
        if (json == null) {
            throw new ClientException(ExitCode.FAILURE, "the server at " + base + " answered " + what
                    + " with something that is not JSON: is --url a perfopt node?");
        }
        return new Answer(json, body);
    }

    private ClientException unreachable(String reason) {
        return new ClientException(ExitCode.FAILURE, "cannot reach perfopt at " + base + " (" + reason + "). "
                + "Is it running (bin/perfopt run)? Check --url, or perfopt.api.port in conf/perfopt.properties");
    }

    private static String error(JsonNode json, String body) {
        if (json != null && json.path("error").isTextual()) {
            return json.get("error").textValue();
        }
        String text = body.strip();
        return text.isEmpty() ? "(no reason given)" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /**
     * A node's answer.
     *
     * @param json the answer, parsed
     * @param raw  the answer as received, for {@code --json}
     */
    public record Answer(JsonNode json, String raw) {
    }
}
