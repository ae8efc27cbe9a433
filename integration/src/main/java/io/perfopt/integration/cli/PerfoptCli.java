package io.perfopt.integration.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code perfopt} command. Exit codes: 0 success, 1 a failure at run time (the message says
 * what), 2 a usage error (unknown command or option), 3 a configuration error.
 */
@Command(name = "perfopt", mixinStandardHelpOptions = true, version = "perfopt 0.1.0",
        description = "Keeps a fleet of software agents fast and healthy: measured changes, verified, rolled back when they do not help.",
        subcommands = {RunCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure at run time", "2:usage error", "3:configuration error"})
public final class PerfoptCli implements Runnable {

    /** Exit code of a configuration error. */
    public static final int CONFIG_ERROR = 3;

    @Option(names = "--home", description = "perfopt's installation directory (conf/, plugins/, data/); "
            + "default: $PERFOPT_HOME or the current directory")
    Path home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The installation directory: --home, else $PERFOPT_HOME, else the current directory. */
    Path home() {
        if (home != null) {
            return home;
        }
        String env = System.getenv("PERFOPT_HOME");
        return Path.of(env == null || env.isBlank() ? "." : env);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // logback reports problems of its configuration on the console only when they are errors
        if (System.getProperty("logback.statusListenerClass") == null) {
            System.setProperty("logback.statusListenerClass",
                    "ch.qos.logback.core.status.OnErrorConsoleStatusListener");
        }
        System.exit(new CommandLine(new PerfoptCli()).execute(args));
    }
}
