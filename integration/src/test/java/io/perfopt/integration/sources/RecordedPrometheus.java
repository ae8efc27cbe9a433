package io.perfopt.integration.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus' instant query API on loopback, answering each known query with an answer recorded
 * from a real Prometheus ({@code src/test/resources/promql}); unknown queries get the recorded
 * {@code bad_data} answer with status 400, as Prometheus gives it.
 */
final class RecordedPrometheus implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> answers;
    final AtomicInteger requests = new AtomicInteger();

    /** @param answers PromQL text to the recorded answer file served for it */
    RecordedPrometheus(Map<String, String> answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String raw = exchange.getRequestURI().getRawQuery();
            String query = raw != null && raw.startsWith("query=")
                    ? URLDecoder.decode(raw.substring("query=".length()), StandardCharsets.UTF_8) : "";
            String file = answers.get(query);
            int status = file == null ? 400 : 200;
            byte[] body = PromqlAnswerTest.recorded(file == null ? "bad-query.json" : file);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
