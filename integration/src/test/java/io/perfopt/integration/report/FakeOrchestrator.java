package io.perfopt.integration.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.perfopt.integration.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An orchestrator on loopback that records every report POSTed to {@code /reports}: it may be
 * not running at all (connection refused), answer 503 (down for maintenance), answer 200 (up),
 * or take requests and never answer (hung).
 */
final class FakeOrchestrator implements AutoCloseable {

    /** One POST as received; {@code answeredWith} 0 when it was never answered. */
    record Received(String idempotencyKey, long cycleHeader, String authorization, String contentType,
                    JsonNode report, int answeredWith) {
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<HttpServer> server = new AtomicReference<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String failOnce;
    private volatile boolean hang;

    FakeOrchestrator(int port) {
        this.port = port;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/reports");
    }

    /** Starts answering every POST with {@code answer}. */
    void start(int answer) throws IOException {
        status = answer;
        if (server.get() == null) {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            http.createContext("/reports", this::handle);
            http.start();
            server.set(http);
        }
    }

    /** Answers from now on with {@code answer}. */
    void answer(int answer) {
        status = answer;
    }

    /** Answers the first POST of the report with this key 503, as a passing hiccup. */
    void failOnce(String idempotencyKey) {
        failOnce = idempotencyKey;
    }

    /** Takes requests but never answers them, until closed. */
    void hang() {
        hang = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            var headers = exchange.getRequestHeaders();
            String key = headers.getFirst("Idempotency-Key");
            JsonNode report = Json.mapper().readTree(body.readAllBytes());
            String cycle = headers.getFirst("X-Perfopt-Cycle");
            if (hang) {
                received.add(new Received(key, -1, null, null, report, 0));
                released.await();
                return;
            }
            int answer = status;
            if (key != null && key.equals(failOnce)) {
                failOnce = null;
                answer = 503;
            }
            received.add(new Received(key, cycle == null ? -1 : Long.parseLong(cycle),
                    headers.getFirst("Authorization"), headers.getFirst("Content-Type"), report, answer));
            byte[] text = (answer == 200 ? "{\"accepted\":true}" : "{\"error\":\"maintenance\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, text.length);
            exchange.getResponseBody().write(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every POST received so far, in arrival order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** The POSTs answered 200, in arrival order: the reports the orchestrator took. */
    List<Received> accepted() {
        return received.stream().filter(r -> r.answeredWith() == 200).toList();
    }

    @Override
    public void close() {
        released.countDown();
        HttpServer http = server.getAndSet(null);
        if (http != null) {
            http.stop(0);
        }
    }
}
