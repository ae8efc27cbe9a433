package io.perfopt.integration.cli;

import io.perfopt.integration.cli.check.ConfigCommand;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code perfopt} command: the service ({@code run}, {@code demo}), the client of a running
 * node ({@code status}, {@code agents}, {@code optimizations}, {@code plugins}, {@code approvals},
 * {@code approve}, {@code reject}, {@code command}), {@code config check}, and the agent
 * {@code simulator}. Exit codes: {@link ExitCode}.
 */
@Command(name = "perfopt", mixinStandardHelpOptions = true, version = "perfopt 0.1.0",
        description = "Keeps a fleet of software agents fast and healthy: measured changes, verified, rolled back when they do not help.",
        subcommands = {RunCommand.class, DemoCommand.class, StatusCommand.class, AgentsCommand.class,
            OptimizationsCommand.class, PluginsCommand.class, ApprovalsCommand.class, ApproveCommand.class,
            RejectCommand.class, SendCommand.class, ConfigCommand.class, SimulatorCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure: the node answered an error or could not be reached (the message says which)",
            "2:usage error",
            "3:configuration error",
            "4:not authorized: the node refused the API token"})
public final class PerfoptCli implements Runnable {

    /** Exit code of a configuration error. */
    public static final int CONFIG_ERROR = ExitCode.CONFIG_ERROR;

    @Option(names = "--home", description = "perfopt's installation directory (conf/, plugins/, data/); "
            + "default: $PERFOPT_HOME or the current directory")
    Path home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Function<String, String> environment = System::getenv;

    /** The same command reading environment variables from {@code environment} (tests). */
    public PerfoptCli withEnvironment(Function<String, String> value) {
        environment = Objects.requireNonNull(value, "environment");
        return this;
    }

    /** The installation directory: --home, else $PERFOPT_HOME, else the current directory. */
    public Path home() {
        if (home != null) {
            return home;
        }
        return Path.of(environment("PERFOPT_HOME").orElse("."));
    }

    /** An environment variable, when set and not blank. */
    Optional<String> environment(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
    }

    /**
     * For commands that are not the service: perfopt's and Camel's INFO lines stay in the log
     * file, the console shows the command's own output (and warnings). Effective when called
     * before the first logger is created.
     */
    public static void quietConsole() {
        if (System.getProperty("perfopt.console.level") == null) {
            System.setProperty("perfopt.console.level", "WARN");
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // logback reports problems of its configuration on the console only when they are errors
        // (bin/perfopt sets the same; its own OnErrorConsoleStatusListener replays all it said at start)
        if (System.getProperty("logback.statusListenerClass") == null) {
            System.setProperty("logback.statusListenerClass", ErrorStatusListener.class.getName());
        }
        System.exit(new CommandLine(new PerfoptCli()).execute(args));
    }
}
