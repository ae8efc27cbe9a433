package io.perfopt.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A free port on this machine, for servers started by a benchmark. */
public final class FreePort {

    private FreePort() {
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
