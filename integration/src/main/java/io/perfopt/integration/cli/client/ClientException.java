package io.perfopt.integration.cli.client;

/** A client command that failed, with the exit code it ends with and a message saying how to fix it. */
public final class ClientException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public ClientException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
