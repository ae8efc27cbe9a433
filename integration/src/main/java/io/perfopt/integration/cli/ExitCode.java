package io.perfopt.integration.cli;

/** The exit codes of every {@code perfopt} command, as {@code perfopt --help} lists them. */
public final class ExitCode {

    /** Done; for {@code config check}: the configuration is valid. */
    public static final int OK = 0;
    /** A failure at run time: the node answered an error, or could not be reached. */
    public static final int FAILURE = 1;
    /** A usage error: unknown command or option, missing or malformed argument. */
    public static final int USAGE = 2;
    /** A configuration error (conf/perfopt.properties, conf/agents.yaml, conf/routes). */
    public static final int CONFIG_ERROR = 3;
    /** The node refused the API token (HTTP 401). */
    public static final int NOT_AUTHORIZED = 4;

    private ExitCode() {
    }
}
