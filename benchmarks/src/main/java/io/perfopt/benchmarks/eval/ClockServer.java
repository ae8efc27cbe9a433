package io.perfopt.benchmarks.eval;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.perfopt.api.time.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The harness's simulated clock over HTTP, for a baseline that runs in another process:
 * {@code POST /admin/clock/advance?seconds=N} advances the fleet's manual clock by N seconds and
 * answers {@code {"now": "2026-01-01T00:01:10Z"}}. Loopback only, and only while an evaluation
 * runs; the simulator itself is unchanged.
 */
final class ClockServer implements AutoCloseable {

    private final HttpServer server;
    private final ManualClock clock;

    ClockServer(ManualClock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/admin/clock/advance", this::advance);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void advance(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            int status = 200;
            String body;
            if (!"POST".equals(exchange.getRequestMethod()) || query == null || !query.startsWith("seconds=")) {
                status = 400;
                body = "{\"error\": \"use POST /admin/clock/advance?seconds=N\"}";
            } else {
                Instant now = clock.advance(Duration.ofSeconds(Long.parseLong(query.substring(8))));
                body = "{\"now\": \"" + now + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
