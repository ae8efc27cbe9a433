package io.perfopt.simulator.http;

import com.sun.net.httpserver.HttpServer;
import io.perfopt.simulator.agent.SimulatedAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JDK HTTP server on the loopback interface hosting every agent of a fleet under
 * {@code /agents/{id}}. Requests run on a fixed pool of daemon threads: agents answer from
 * memory in microseconds to milliseconds, so a few threads per core serve thousands of polls a
 * second, and a fixed pool keeps a burst of clients from starting a thread each.
 */
public final class FleetHttpServer {

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private FleetHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Binds 127.0.0.1:{@code port} (0 for any free port) and starts serving {@code agents}. */
    public static FleetHttpServer start(int port, Map<String, SimulatedAgent> agents, int threads) {
        // without TCP_NODELAY each keep-alive answer waits for the client's delayed ACK (~40 ms on
        // loopback); the JDK reads this once, when its first HttpServer starts
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            AtomicInteger counter = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread thread = new Thread(r, "simulator-http-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            FleetHttpServer fleetServer = new FleetHttpServer(server, executor);
            server.createContext("/", new FleetRoutes(agents, () -> fleetServer.baseUri));
            server.start();
            return fleetServer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the simulator to 127.0.0.1:" + port, e);
        }
    }

    /** {@code http://127.0.0.1:{port}/}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, lets running exchanges finish for up to a second, and ends the threads. */
    public void stop() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
