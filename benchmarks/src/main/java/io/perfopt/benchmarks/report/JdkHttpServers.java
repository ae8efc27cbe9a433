package io.perfopt.benchmarks.report;

/**
 * The JDK's {@code com.sun.net.httpserver} writes a response's headers and body in separate
 * packets without TCP_NODELAY, so on loopback every keep-alive exchange waits out the peer's
 * delayed ACK (about 40 ms): 8 connections then top out near 200 requests a second whatever the
 * server does. The benchmarks use that server as a ceiling (ingest) and for the simulated agents
 * (polling, evaluation); both would measure the stall instead. This sets
 * {@code sun.net.httpserver.nodelay}, read once when the first such server starts.
 */
public final class JdkHttpServers {

    private JdkHttpServers() {
    }

    /** Call before the first JDK HttpServer of the JVM starts. */
    public static void noDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
