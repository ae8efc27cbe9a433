package io.perfopt.integration.actuate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.perfopt.api.knob.Knob;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An agent on loopback that speaks the knob protocol with a real JDK HTTP server: it checks the
 * bearer token, validates values through {@link Knob#fromWire}, and can be told to misbehave
 * (answer anything, or stall until it is closed).
 */
final class FakeAgent implements AutoCloseable {

    /** A request as the agent received it. */
    record Received(String method, String path, String authorization, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Knob> knobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final String token;
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean stalling;
    private volatile int forcedStatus;
    private volatile String forcedBody;
    private volatile boolean forcedChunked;

    private FakeAgent(String token, Knob... initial) throws IOException {
        this.token = token;
        for (Knob knob : initial) {
            knobs.put(knob.name(), knob);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/control", this::handle);
        server.start();
    }

    static FakeAgent start(String token, Knob... knobs) throws IOException {
        return new FakeAgent(token, knobs);
    }

    URI controlUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/control");
    }

    Knob knob(String name) {
        return knobs.get(name);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every later request waits, without an answer, until the agent is closed. */
    void stall() {
        stalling = true;
    }

    /** Every later request gets this answer, whatever it asked. */
    void answerEverythingWith(int status, String body, boolean chunked) {
        forcedBody = body;
        forcedChunked = chunked;
        forcedStatus = status;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath().substring("/control".length());
            received.add(new Received(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (stalling) {
                released.await();
                return;
            }
            if (forcedStatus != 0) {
                send(exchange, forcedStatus, forcedBody, forcedChunked);
            } else if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("missing or wrong bearer token"), false);
            } else {
                route(exchange, path, body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange, String path, String body) throws IOException {
        if (exchange.getRequestMethod().equals("GET") && path.equals("/knobs")) {
            ObjectNode document = JSON.createObjectNode();
            List<Knob> all;
            synchronized (knobs) {
                all = new ArrayList<>(knobs.values());
            }
            all.forEach(k -> document.withArray("knobs").add(KnobJson.write(k)));
            send(exchange, 200, document.toString(), false);
        } else if (exchange.getRequestMethod().equals("PUT") && path.startsWith("/knobs/")) {
            put(exchange, URLDecoder.decode(path.substring("/knobs/".length()), StandardCharsets.UTF_8), body);
        } else {
            send(exchange, 404, error("no such endpoint " + path), false);
        }
    }

    private void put(HttpExchange exchange, String name, String body) throws IOException {
        Knob knob = knobs.get(name);
        if (knob == null) {
            send(exchange, 404, error("unknown knob " + name), false);
            return;
        }
        try {
            JsonNode value = JSON.readTree(body).get("value");
            Knob changed = knob.withValue(knob.fromWire(KnobJson.wire(value)));
            knobs.put(name, changed);
            send(exchange, 200, KnobJson.write(changed).toString(), false);
        } catch (IllegalArgumentException | IOException e) {
            send(exchange, 400, error(e.getMessage()), false);
        }
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    private static void send(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
