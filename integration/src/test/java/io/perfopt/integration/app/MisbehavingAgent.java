package io.perfopt.integration.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real HTTP agent on loopback that answers its metrics endpoint badly on purpose: malformed
 * JSON, NaN values, a 500, a body larger than perfopt reads, another agent's id, or no answer
 * at all until closed.
 */
final class MisbehavingAgent implements AutoCloseable {

    enum Mode { MALFORMED, NAN, SERVER_ERROR, HUGE, WRONG_AGENT, HANGS, GOOD }

    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Mode mode;

    MisbehavingAgent(String agentId, Mode mode) {
        this.mode = mode;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/metrics", exchange -> answer(agentId, exchange));
        server.start();
    }

    URI metricsUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    void mode(Mode value) {
        mode = value;
    }

    private void answer(String agentId, HttpExchange exchange) throws IOException {
        String good = "{\"agentId\": \"" + agentId + "\", \"metrics\": {\"responseTimeMs\": 300, \"successRate\": 0.9}}";
        switch (mode) {
            case MALFORMED -> send(exchange, 200, "{\"agentId\": \"" + agentId + "\", \"metrics\": {\"responseTimeMs\": ");
            case NAN -> send(exchange, 200, "{\"agentId\": \"" + agentId
                    + "\", \"metrics\": {\"responseTimeMs\": 300, \"successRate\": \"NaN\", \"coordinationScore\": 1.7}}");
            case SERVER_ERROR -> send(exchange, 500, "{\"error\": \"database down\"}");
            case HUGE -> {
                StringBuilder body = new StringBuilder("{\"agentId\": \"" + agentId + "\", \"metrics\": {\"pad\": 1, \"x\": \"");
                body.append("x".repeat(2 * 1024 * 1024)).append("\"}}");
                send(exchange, 200, body.toString());
            }
            case WRONG_AGENT -> send(exchange, 200, good.replace(agentId, "someone-else"));
            case HANGS -> {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case GOOD -> send(exchange, 200, good);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client may hang up on a body it refuses to read in full
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
