package io.perfopt.benchmarks.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The machine's ceiling for the push route: a bare JDK {@link HttpServer} on loopback that reads
 * each body with Jackson into a tree, counts the numbers in every document's {@code metrics} and
 * {@code samples} (what perfopt turns into samples) and answers with the count, doing nothing
 * else: no validation, no windows, no Camel.
 */
final class BareJacksonServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    final LongAdder samples = new LongAdder();

    BareJacksonServer(int port, int threads) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/api/metrics", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            JsonNode batch = mapper.readTree(in);
            long count = 0;
            for (JsonNode doc : batch.isArray() ? batch : mapper.createArrayNode().add(batch)) {
                count += doc.path("metrics").size();
                for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("samples").fields(); it.hasNext(); ) {
                    count += it.next().getValue().size();
                }
            }
            samples.add(count);
            byte[] answer = ("{\"accepted\":" + count + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
